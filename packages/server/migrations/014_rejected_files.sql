-- A revision must replace the files the officer asked about: the SHA-256 of the files of the
-- fields named on the last needs_revision, so the same file sent back unchanged (the same
-- attachment, or the same bytes uploaded again) is refused on upload and on resubmission.
-- { "<field>": ["<sha256>", …] }: a file is refused only for the field it was rejected in.
alter table application add column rejected_files jsonb not null default '{}';
