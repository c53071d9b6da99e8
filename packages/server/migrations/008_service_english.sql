-- English versions of two citizen-facing texts that were Indonesian only: the fee's legal basis
-- and the notes. Null where there is no translation (the Indonesian text is shown instead). Fee
-- variant labels carry their English in fee_variants itself ({label, label_en, amount_idr}).
-- Numbered 008 to stay clear of the migrations other branches add in parallel.
alter table service add column fee_legal_basis_en text;
alter table service add column notes_en text;
