-- Faster service search and listing: keep the columns read for every matching row inline.
--
-- 002_search.sql stores search_doc with storage 'main' (inline, compressed: about 2.2 kB per
-- service). A row that is still over the TOAST threshold (about 2 kB) after its 'extended'
-- columns are compressed gets them moved out of line, largest first, down to short ones: with
-- search_doc alone over the threshold, that was every text and array column of more than a few
-- bytes, including name_id, channels, aliases and search_keys. The list query reads name_id,
-- channels and search_keys for every match (page order, filters, exact-key ranking), so each
-- match cost three TOAST reads more: up to 3 ms of a 10 ms search over 2 000 matches (EXPLAIN
-- (ANALYZE, BUFFERS): 10 676 buffer hits for 2 816 rows, 2 276 without them).
--
-- 'main' on these short columns keeps them in the row (compressed in place only if the row
-- would otherwise exceed a page); the long jsonb columns (requirements, procedure, output, …)
-- stay 'extended' and are still moved out of line first. Storage only, no change in results.
alter table service
  alter column id set storage main,
  alter column category_id set storage main,
  alter column agency_id set storage main,
  alter column name_id set storage main,
  alter column name_en set storage main,
  alter column aliases set storage main,
  alter column channels set storage main,
  alter column search_keys set storage main;

-- Rows written before this migration keep their out-of-line values until rewritten: rewrite
-- them with fresh copies of the same values (an unchanged value would keep its TOAST pointer).
-- The fill trigger recomputes search_doc and search_keys to what they were, so search_word and
-- the GIN index see no change. Nothing to do on a new database.
update service set
  category_id = category_id || '',
  agency_id = agency_id || '',
  name_id = name_id || '',
  name_en = name_en || '',
  aliases = aliases[1:cardinality(aliases)],
  channels = channels[1:cardinality(channels)];
