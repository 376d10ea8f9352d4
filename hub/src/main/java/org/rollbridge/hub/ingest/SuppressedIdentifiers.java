package org.rollbridge.hub.ingest;

import java.util.Collection;
import java.util.Map;

/**
 * The identifiers of people the LA erased (docs/retention.md, "Erasure"): a record naming one is held for review,
 * and no person is made with one, so that an erased person is not quietly recreated. Declared here, where records
 * are held and people made, and kept by rights, which erases.
 */
public interface SuppressedIdentifiers {

    /**
     * Those of these identifiers (UPNs, former UPNs, ULNs; case and surrounding spaces do not matter) that belonged
     * to an erased person, each with the number of the erasure decision.
     */
    Map<String, Long> erasures(Collection<String> identifiers);
}
