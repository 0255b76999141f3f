package fr.medsaas.compliance.diff;

import fr.medsaas.compliance.stores.StoreCatalogue;
import fr.medsaas.compliance.stores.StoreType;
import java.util.Optional;

/**
 * The resource types that hold data a change could lose (RB-1): databases, caches, buckets, keys,
 * vaults, log groups, secrets, file systems, streams, tables and image repositories, each with the
 * word the diff prints for it, as the store catalogue says; plus any type the CloudFormation specification marks stateful.
 */
public final class StatefulTypes {
    private StatefulTypes() {
    }

    /** What a stateful type holds ("database", "bucket", ...), empty when the type is not stateful. */
    public static Optional<String> kind(String type, ReplacementProperties spec) {
        Optional<String> kind = StoreCatalogue.of(type).filter(StoreType::stateful).map(StoreType::word);
        if (kind.isPresent()) {
            return kind;
        }
        return spec.specStateful(type) ? Optional.of("stateful resource") : Optional.empty();
    }
}
