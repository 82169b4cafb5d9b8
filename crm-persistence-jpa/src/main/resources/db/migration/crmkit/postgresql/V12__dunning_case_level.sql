-- crmkit schema 12: a dunning case keeps the level of its last step in its document (DunningCaseState.lastLevel),
-- so that a closed case still tells the last level it reached. Cases stored before get it from their history: the
-- level of the last LEVEL_REACHED entry, 0 when they took no step.
update crm_dunning_case c
set document = jsonb_set(c.document, '{lastLevel}', to_jsonb(coalesce(
        (select (e.entry ->> 'level')::integer
         from jsonb_array_elements(c.document -> 'history') with ordinality as e(entry, position)
         where e.entry ->> 'kind' = 'LEVEL_REACHED'
         order by e.position desc
         limit 1), 0)))
where c.document -> 'lastLevel' is null;
