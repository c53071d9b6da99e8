-- Service search: a weighted full-text document per service (simple + indonesian + english
-- configurations), a vocabulary of indexed words for typo correction (pg_trgm), and the
-- functions src/catalogue/search.ts composes into the list query. Runs on PostgreSQL 15 and 18.
--
-- Document weights: A = names and aliases, B = agency names, C = requirements and output.
-- Text is normalized the same way as the query side in search.ts: lower case, unaccent,
-- every run of characters other than a-z/0-9 becomes one space ("KTP-el" -> "ktp el").

-- unaccent() with an explicit dictionary, so it can be declared IMMUTABLE (the usual wrapper).
create or replace function loket_unaccent(t text) returns text
language sql immutable parallel safe strict as $$
  select unaccent('unaccent'::regdictionary, t)
$$;

create or replace function loket_search_norm(t text) returns text
language sql immutable parallel safe as $$
  select btrim(regexp_replace(lower(loket_unaccent(coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g'))
$$;

-- The lexemes one normalized word can have in a document: exact, Indonesian stem, English stem.
create or replace function loket_search_lexemes(w text) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct l), '{}')
  from unnest(tsvector_to_array(to_tsvector('simple'::regconfig, coalesce(w, '')))
           || tsvector_to_array(to_tsvector('indonesian'::regconfig, coalesce(w, '')))
           || tsvector_to_array(to_tsvector('english'::regconfig, coalesce(w, '')))) as l
$$;

alter table service
  add column search_doc tsvector not null default ''::tsvector,
  -- normalized names and each alias, for exact-hit ranking ("skck", "ktp hilang")
  add column search_keys text[] not null default '{}';
-- Keep the document inline (compressed) rather than out of line in the TOAST table: every
-- matching row's document is read for ranking, and a TOAST fetch per row tripled that cost.
alter table service alter column search_doc set storage main;

-- fastupdate off: catalogue writes are rare, and PGlite never vacuums, so the GIN pending list
-- (up to 4 MB) would otherwise be scanned linearly by every search.
create index service_search_doc_idx on service using gin (search_doc) with (fastupdate = off);

-- Every lexeme of every search document (plain, and '@'-marked for names/aliases/agency, see
-- below), kept in step by triggers. The query side looks up here which words are indexed, and
-- where, and corrects typos against it (trigram similarity, prefixes).
create table search_word (
  word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops) with (fastupdate = off);

create or replace function loket_service_search_fill() returns trigger
language plpgsql as $$
declare
  agency_id_name text;
  agency_en_name text;
  names_id text;
  names_en text;
  aliases_text text;
  reqs_id text := '';
  reqs_en text := '';
  main tsvector;
begin
  select a.name_id, a.name_en into agency_id_name, agency_en_name from agency a where a.id = new.agency_id;
  aliases_text := loket_search_norm(array_to_string(new.aliases, ' '));
  names_id := loket_search_norm(new.name_id);
  names_en := loket_search_norm(new.name_en);
  agency_id_name := loket_search_norm(agency_id_name);
  agency_en_name := loket_search_norm(agency_en_name);
  if jsonb_typeof(new.requirements) = 'array' then
    select coalesce(string_agg(r ->> 'id', ' '), ''), coalesce(string_agg(r ->> 'en', ' '), '')
      into reqs_id, reqs_en
      from jsonb_array_elements(new.requirements) as r
      where jsonb_typeof(r) = 'object';
  end if;
  if jsonb_typeof(new.output) = 'object' then
    reqs_id := reqs_id || ' ' || coalesce(new.output ->> 'id', '');
    reqs_en := reqs_en || ' ' || coalesce(new.output ->> 'en', '');
  end if;
  reqs_id := loket_search_norm(reqs_id);
  reqs_en := loket_search_norm(reqs_en);

  main :=
       setweight(to_tsvector('simple'::regconfig, names_id || ' ' || aliases_text || ' ' || names_en), 'A')
    || setweight(to_tsvector('indonesian'::regconfig, names_id || ' ' || aliases_text), 'A')
    || setweight(to_tsvector('english'::regconfig, names_en || ' ' || aliases_text), 'A')
    || setweight(to_tsvector('simple'::regconfig, agency_id_name || ' ' || agency_en_name), 'B')
    || setweight(to_tsvector('indonesian'::regconfig, agency_id_name), 'B')
    || setweight(to_tsvector('english'::regconfig, agency_en_name), 'B');
  -- '@'-marked copies of the name, alias and agency lexemes (no positions): a query word that
  -- occurs in some service's names matches only those, not every service whose requirements
  -- mention it ("ktp" is in most requirements). Plain lexemes cannot contain '@'.
  new.search_doc :=
       main
    || setweight(to_tsvector('simple'::regconfig, reqs_id || ' ' || reqs_en), 'C')
    || setweight(to_tsvector('indonesian'::regconfig, reqs_id), 'C')
    || setweight(to_tsvector('english'::regconfig, reqs_en), 'C')
    || array_to_tsvector(array(select '@' || l from unnest(tsvector_to_array(main)) as l));
  new.search_keys := array(
    select distinct k
    from unnest(array[names_id, names_en] || array(select loket_search_norm(a) from unnest(new.aliases) as a)) as k
    where k <> ''
  );
  return new;
end
$$;

create trigger service_search_fill before insert or update on service
  for each row execute function loket_service_search_fill();

-- Keeps search_word in step with the documents.
-- enable_seqscan off: the "does any document still have this word" probe must use the GIN
-- index, or removing a word would read the whole table.
create or replace function loket_service_search_words() returns trigger
language plpgsql set enable_seqscan = off as $$
declare
  old_words text[] := '{}';
  new_words text[] := '{}';
begin
  if tg_op <> 'INSERT' then
    old_words := coalesce(tsvector_to_array(old.search_doc), '{}');
  end if;
  if tg_op <> 'DELETE' then
    new_words := coalesce(tsvector_to_array(new.search_doc), '{}');
  end if;
  insert into search_word (word)
    select d.w from (select unnest(new_words) except select unnest(old_words)) as d(w) order by d.w
    on conflict (word) do nothing;
  if tg_op <> 'INSERT' then
    delete from search_word sw
      where sw.word in (select unnest(old_words) except select unnest(new_words))
        and not exists (
          select 1 from service s
          where s.search_doc @@ ('''' || replace(replace(sw.word, '\', '\\'), '''', '''''') || '''')::tsquery
        );
  end if;
  return null;
end
$$;

create trigger service_search_words_ins after insert on service
  for each row execute function loket_service_search_words();
create trigger service_search_words_upd after update on service
  for each row when (old.search_doc is distinct from new.search_doc)
  execute function loket_service_search_words();
create trigger service_search_words_del after delete on service
  for each row execute function loket_service_search_words();

-- Rebuilds search_word from the documents (a repair: two transactions racing to remove and add
-- the same word could leave it out). Returns the number of words.
create or replace function loket_search_words_rebuild() returns bigint
language sql volatile as $$
  delete from search_word;
  insert into search_word (word)
    select distinct w from service s, unnest(tsvector_to_array(s.search_doc)) as w order by w;
  select count(*) from search_word;
$$;

-- An agency rename re-indexes its services (agency names are part of the document).
create or replace function loket_agency_search_sync() returns trigger
language plpgsql as $$
begin
  update service set agency_id = agency_id where agency_id = new.id;
  return null;
end
$$;

create trigger agency_search_sync after update on agency
  for each row when (old.name_id is distinct from new.name_id or old.name_en is distinct from new.name_en)
  execute function loket_agency_search_sync();

-- Existing rows (a database migrated after it was seeded).
update service set agency_id = agency_id;

-- Query side ---------------------------------------------------------------------------------
-- search.ts encodes a query as one text[] parameter ("spec"):
--   'h:alt1|alt2 words|…'  a required term: one of its alternatives must match
--   's:alt1|…'             an optional term: ranks higher when it matches, never excludes
--   'k:…'                  an exact key (a normalized form of the whole query) for search_keys
--   'r:…'                  a region code the results are limited to (with the national services)
-- Alternatives are re-normalized here, so any spec is safe.

-- The tsquery of one alternative (one or more words; several words match as a phrase), or null
-- when a word of it occurs in no document. for_rank = false (matching): a word that occurs in
-- names, aliases or agency names matches there only ('@' lexemes); other words match anywhere.
-- for_rank = true: plain lexemes, so ts_rank sees weights. With correct, an unknown single word
-- of 3+ characters is replaced by the name/alias/agency words most similar to it (trigram
-- similarity >= 0.4) and those it is a prefix of.
create or replace function loket_search_alt(alt text, correct boolean, for_rank boolean) returns tsquery
language plpgsql stable parallel safe as $$
declare
  words text[];
  w text;
  lexes text[];
  in_main boolean;
  in_any boolean;
  all_main boolean := true;
  plain_q tsquery;
  main_q tsquery;
  phrase_q tsquery;
  markers_q tsquery;
begin
  words := (string_to_array(loket_search_norm(alt), ' '))[1:8];
  if words is null or cardinality(words) = 0 or words[1] = '' then
    return null;
  end if;
  foreach w in array words loop
    w := left(w, 64);
    lexes := loket_search_lexemes(w);
    select coalesce(bool_or(sw.word like '@%'), false), count(*) > 0 into in_main, in_any
      from search_word sw
      where sw.word = any(lexes || array(select '@' || l from unnest(lexes) as l));
    if in_any then
      plain_q := (select string_agg('''' || l || '''', ' | ') from unnest(lexes) as l)::tsquery;
      main_q := case when in_main
        then (select string_agg('''@' || l || '''', ' | ') from unnest(lexes) as l)::tsquery end;
    elsif correct and cardinality(words) = 1 and length(w) >= 3 then
      select string_agg('''' || c.word || '''', ' | ')::tsquery,
             string_agg('''@' || c.word || '''', ' | ')::tsquery
        into plain_q, main_q
        from (
          (select substr(sw.word, 2) as word from search_word sw
            where sw.word % w and substr(sw.word, 1) ~ '^@[a-z0-9]+$' and similarity(sw.word, w) >= 0.4
            order by similarity(sw.word, w) desc, sw.word limit 3)
          union
          (select substr(sw.word, 2) from search_word sw
            where sw.word like '@' || w || '%' and substr(sw.word, 1) ~ '^@[a-z0-9]+$'
            order by length(sw.word), sw.word limit 3)
        ) as c;
      if plain_q is null then
        return null;
      end if;
    else
      return null;
    end if;
    if cardinality(words) = 1 then
      return case when for_rank then plain_q else coalesce(main_q, plain_q) end;
    end if;
    phrase_q := case when phrase_q is null then plain_q else tsquery_phrase(phrase_q, plain_q) end;
    all_main := all_main and main_q is not null;
    markers_q := case when markers_q is null then main_q else markers_q && main_q end;
  end loop;
  if for_rank or not all_main then
    return phrase_q;
  end if;
  return phrase_q && markers_q;
end
$$;

-- for_rank = false: the match query: every required term; when no service has them all (among
-- the national services and those of the 'r:' regions, if given), any of them ("sim polisi
-- semarang" still finds the SIM services); with no required term, any optional term.
-- for_rank = true: any term, for ts_rank. Null when no word of the query is indexed.
-- enable_seqscan is off inside so that the "no service has them all" probe and the typo lookups
-- always use their indexes (PGlite never analyzes; a LIMIT 1 probe could read the whole table).
create or replace function loket_search_query(spec text[], for_rank boolean) returns tsquery
language plpgsql stable parallel safe set enable_seqscan = off as $$
declare
  item text;
  alts text[];
  one_word boolean;
  alt text;
  alt_q tsquery;
  term_q tsquery;
  required tsquery;
  any_required tsquery;
  n_required int := 0;
  optional tsquery;
  anything tsquery;
  regions text[];
  n int := 0;
begin
  if exists (select 1 from unnest(spec) as x where left(x, 2) = 'r:') then
    regions := array(select substr(x, 3) from unnest(spec) as x where left(x, 2) = 'r:');
  end if;
  foreach item in array coalesce(spec, '{}') loop
    continue when item is null or left(item, 2) not in ('h:', 's:');
    n := n + 1;
    exit when n > 16;
    term_q := null;
    alts := (string_to_array(substr(item, 3), '|'))[1:12];
    -- Ranking counts matched lexemes, so a typed-out phrase ("kartu tanda penduduk") would
    -- outweigh the other terms: rank a term by its one-word alternatives when it has some.
    one_word := for_rank and exists (select 1 from unnest(alts) as a where loket_search_norm(a) ~ '^[a-z0-9]+$');
    foreach alt in array alts loop
      continue when one_word and loket_search_norm(alt) !~ '^[a-z0-9]+$';
      alt_q := loket_search_alt(alt, false, for_rank);
      if alt_q is not null then
        term_q := case when term_q is null then alt_q else term_q || alt_q end;
      end if;
    end loop;
    if term_q is null and left(item, 2) = 'h:' then
      term_q := loket_search_alt(split_part(substr(item, 3), '|', 1), true, for_rank);
    end if;
    continue when term_q is null;
    anything := case when anything is null then term_q else anything || term_q end;
    if left(item, 2) = 'h:' then
      n_required := n_required + 1;
      required := case when required is null then term_q else required && term_q end;
      any_required := case when any_required is null then term_q else any_required || term_q end;
    else
      optional := case when optional is null then term_q else optional || term_q end;
    end if;
  end loop;
  if for_rank then
    return anything;
  end if;
  if n_required > 1 and not exists (
    select 1 from service s
    where s.search_doc @@ required
      and (regions is null or s.region_code is null or s.region_code = any(regions))
  ) then
    return any_required;
  end if;
  return coalesce(required, optional);
end
$$;

create or replace function loket_search_keys(spec text[]) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(loket_search_norm(substr(x, 3))), '{}')
  from unnest(coalesce(spec, '{}')) as x where left(x, 2) = 'k:'
$$;
