-- crmkit schema 29: pipeline metrics of a period (issue 20).
--
-- The metrics of a period read the pipeline's open deals and its deals won or lost in the period
-- (OpportunityRepository.findClosedInPipeline), not every deal the pipeline ever closed: this index gives those in
-- close time order. Open deals have no close time and stay out of it.
create index crm_opportunity_closed_in_pipeline on crm_opportunity (tenant_id, pipeline_id, closed_at, id)
    where status in ('WON', 'LOST');
