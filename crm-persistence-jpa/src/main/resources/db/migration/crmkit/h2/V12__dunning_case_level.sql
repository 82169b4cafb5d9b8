-- crmkit schema 12: a dunning case keeps the level of its last step in its document (DunningCaseState.lastLevel),
-- so that a closed case still tells the last level it reached. Cases stored before get it from their history: the
-- level of the last LEVEL_REACHED entry, 0 when they took no step. H2 has no JSON path functions: the level is the
-- one after the last "kind":"LEVEL_REACHED" in the document's text (history entries are written on, kind, level,
-- ...), added as the document's first property.
update crm_dunning_case
set document = cast('{"lastLevel":' || coalesce(regexp_substr(cast(document as varchar),
        '"kind":"LEVEL_REACHED","level":([0-9]+)(?!.*"kind":"LEVEL_REACHED")', 1, 1, 'n', 1), '0')
        || ',' || substring(cast(document as varchar), 2) as varchar) format json
where not regexp_like(cast(document as varchar), '"steps":[0-9]+,"lastLevel":[0-9]+,');
