-- Search relevance (issue 14): a query about something no service covers gets no list of the
-- wrong kind. Two changes to loket_search_query (002_search.sql), the rest unchanged:
--
-- 1. 'c:alt|…' items: a complaint topic ("lampu jalan", "sampah", "jalan berlubang": see
--    complaints in data/catalogue/search-terms.json). Required like 'h:', but only where a
--    service's names, aliases or agency name have it; when none has it, the query matches nothing
--    (then the API answers with the complaint route, not with services that share another word).
-- 2. When no service has every required term, the fallback is no longer "any of them" (one word
--    in common was enough: "akta kematian ayah" listed every akta): it is the largest set of
--    required terms some service has together; of sets as large, the one of the rarest terms.
-- Numbered 011 to stay clear of the migrations other branches add in parallel.

-- Whether every word of `alt` is a word of some service's names, aliases or agency name.
create or replace function loket_search_in_names(alt text) returns boolean
language sql stable parallel safe as $$
  select coalesce(bool_and(exists (
           select 1 from search_word sw
           where sw.word = any(array(select '@' || l from unnest(loket_search_lexemes(left(w, 64))) as l))
         )), false)
  from unnest(string_to_array(loket_search_norm(alt), ' ')) as w
  where w <> ''
$$;

create or replace function loket_search_query(spec text[], for_rank boolean) returns tsquery
language plpgsql stable parallel safe set enable_seqscan = off as $$
declare
  item text;
  kind text;
  alts text[];
  one_word boolean;
  alt text;
  alt_q tsquery;
  term_q tsquery;
  terms tsquery[] := '{}';
  required tsquery;
  any_required tsquery;
  best int[];
  rarity float8[] := '{}';
  i int;
  optional tsquery;
  anything tsquery;
  regions text[];
  n int := 0;
begin
  if exists (select 1 from unnest(spec) as x where left(x, 2) = 'r:') then
    regions := array(select substr(x, 3) from unnest(spec) as x where left(x, 2) = 'r:');
  end if;
  foreach item in array coalesce(spec, '{}') loop
    kind := left(item, 2);
    continue when item is null or kind not in ('h:', 's:', 'c:');
    n := n + 1;
    exit when n > 16;
    term_q := null;
    alts := (string_to_array(substr(item, 3), '|'))[1:12];
    if kind = 'c:' then
      -- A complaint topic that no service names: nothing matches ('@@' is never a lexeme).
      if not exists (select 1 from unnest(alts) as a where loket_search_in_names(a)) then
        continue when for_rank;
        return '''@@'''::tsquery;
      end if;
      kind := 'h:';
    end if;
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
    if term_q is null and kind = 'h:' then
      term_q := loket_search_alt(split_part(substr(item, 3), '|', 1), true, for_rank);
    end if;
    continue when term_q is null;
    anything := case when anything is null then term_q else anything || term_q end;
    if kind = 'h:' then
      terms := terms || term_q;
      required := case when required is null then term_q else required && term_q end;
      any_required := case when any_required is null then term_q else any_required || term_q end;
    else
      optional := case when optional is null then term_q else optional || term_q end;
    end if;
  end loop;
  if for_rank then
    return anything;
  end if;
  if cardinality(terms) > 1 and not exists (
    select 1 from service s
    where s.search_doc @@ required
      and (regions is null or s.region_code is null or s.region_code = any(regions))
  ) then
    -- The most required terms any one service has together; among sets as large, the one of the
    -- rarest terms (the sum of 1 / the number of services with each), which say the most.
    foreach term_q in array terms loop
      rarity := rarity || (1.0 / greatest(1, (select count(*) from service s
        where s.search_doc @@ term_q
          and (regions is null or s.region_code is null or s.region_code = any(regions)))))::float8;
    end loop;
    select m.covered into best
      from (
        select array(select t from generate_subscripts(terms, 1) as t where s.search_doc @@ terms[t]) as covered
        from service s
        where s.search_doc @@ any_required
          and (regions is null or s.region_code is null or s.region_code = any(regions))
      ) as m
      group by m.covered
      order by cardinality(m.covered) desc,
        (select sum(rarity[t]) from unnest(m.covered) as t) desc nulls last, m.covered
      limit 1;
    required := null;
    foreach i in array coalesce(best, '{}') loop
      required := case when required is null then terms[i] else required && terms[i] end;
    end loop;
    return coalesce(required, any_required);
  end if;
  return coalesce(required, optional);
end
$$;
