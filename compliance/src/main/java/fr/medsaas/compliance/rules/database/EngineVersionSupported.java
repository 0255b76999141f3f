package fr.medsaas.compliance.rules.database;

import fr.medsaas.compliance.check.Resource;
import fr.medsaas.compliance.check.ResourceGraph;
import fr.medsaas.compliance.rules.Outcome;
import fr.medsaas.compliance.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No RDS engine version past RDS's end of standard support: such an instance is upgraded by
 * force or billed as extended support, and its security fixes are no longer the default.
 * Dates from the RDS release calendars (PostgreSQL, MySQL, MariaDB user guides).
 */
public final class EngineVersionSupported implements Rule {
    /** End of RDS standard support, by engine and major version. */
    static final Map<String, LocalDate> END_OF_SUPPORT = Map.ofEntries(
            Map.entry("postgres:9", LocalDate.of(2022, 3, 31)),
            Map.entry("postgres:10", LocalDate.of(2023, 4, 17)),
            Map.entry("postgres:11", LocalDate.of(2024, 2, 29)),
            Map.entry("postgres:12", LocalDate.of(2025, 2, 28)),
            Map.entry("postgres:13", LocalDate.of(2026, 2, 28)),
            Map.entry("postgres:14", LocalDate.of(2027, 2, 28)),
            Map.entry("postgres:15", LocalDate.of(2028, 2, 29)),
            Map.entry("postgres:16", LocalDate.of(2029, 2, 28)),
            Map.entry("mysql:5", LocalDate.of(2024, 2, 29)),
            Map.entry("mysql:8.0", LocalDate.of(2026, 7, 31)),
            Map.entry("mariadb:10.4", LocalDate.of(2025, 6, 30)),
            Map.entry("mariadb:10.5", LocalDate.of(2026, 2, 28)));

    private final LocalDate today;

    /** Judges against today's date (UTC). */
    public EngineVersionSupported() {
        this(LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** Judges against {@code today}. */
    public EngineVersionSupported(LocalDate today) {
        this.today = today;
    }

    @Override
    public List<Outcome> check(ResourceGraph g) {
        List<Outcome> out = new ArrayList<>();
        for (Resource db : g.ofType("AWS::RDS::DBInstance", "AWS::RDS::DBCluster")) {
            String engine = db.property("Engine").asText("");
            if (db.type().equals("AWS::RDS::DBInstance") && db.properties().has("DBClusterIdentifier")) {
                continue;
            }
            String version = db.property("EngineVersion").asText("");
            if (version.isEmpty()) {
                out.add(Outcome.pass(db, engine + " without a pinned version: RDS creates its current default"));
                continue;
            }
            String family = engine.replace("aurora-postgresql", "postgres").replace("aurora-mysql", "mysql");
            LocalDate end = END_OF_SUPPORT.get(family + ":" + version.split("\\.")[0]);
            if (end == null) {
                end = END_OF_SUPPORT.get(family + ":" + version.replaceFirst("^(\\d+\\.\\d+).*", "$1"));
            }
            if (end == null) {
                out.add(Outcome.undecided(db, engine + " " + version + ": not in this rule's calendar"));
            } else if (end.isBefore(today)) {
                out.add(Outcome.fail(db, engine + " " + version + ": RDS standard support ended " + end));
            } else {
                out.add(Outcome.pass(db, engine + " " + version + ": supported until " + end));
            }
        }
        return out;
    }
}
