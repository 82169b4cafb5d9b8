package org.crmkit.persistence.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;

/**
 * Turns a stored dunning case into what a crmkit before schema 27 stored: the whole history in the document, items
 * without invoice versions, no next step, no history or item rows.
 */
final class DunningCasesBeforeSchema27 {

    private DunningCasesBeforeSchema27() {}

    static void storeAsBefore(TestDatabase database, JpaStorage storage, TenantId tenant, DunningCaseId id) {
        DunningCase stored =
                JpaDunningCaseStore.create(storage).findById(tenant, id).orElseThrow();
        String history = storage.json().write(stored.history());
        database.rewriteJson("document", "crm_dunning_case", "id", id.value(), document -> {
            try {
                document.set("history", new ObjectMapper().readTree(history));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            document.remove("nextStepOn");
            document.withArray("items").forEach(item -> ((ObjectNode) item).remove("invoiceVersion"));
        });
        String ofCase = " where case_id = '" + id.value() + "'";
        database.execute("delete from crm_dunning_case_event" + ofCase);
        database.execute("delete from crm_dunning_case_item" + ofCase);
        database.execute(
                "update crm_dunning_case set history_rows = 0, next_step_on = null where id = '" + id.value() + "'");
    }
}
