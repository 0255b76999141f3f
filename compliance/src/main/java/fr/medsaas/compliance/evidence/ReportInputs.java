package fr.medsaas.compliance.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the report needs beside the assembly, gathered by the command.
 *
 * @param environment the environment named on the command line; empty: read from the stack names
 * @param generatedAt when
 * @param toolVersion medsaas's version
 * @param gitCommit   the infrastructure's commit, or {@code unknown}
 * @param nagPacks    the cdk-nag packs that ran at synthesis, with their version
 * @param audit       a live audit's JSON ({@code medsaas audit --format json}), if given
 * @param previous    an earlier report's JSON, to compare with, if given
 * @param diagram     the language of the SVG diagram to draw (the HTML embeds it); empty: none (JSON and Markdown)
 * @param drawn       that diagram already drawn for this assembly ({@link DrawnDiagrams}); empty: lay it out now
 */
public record ReportInputs(Optional<String> environment, Instant generatedAt, String toolVersion, String gitCommit,
                           List<EvidenceReport.Pack> nagPacks, Optional<JsonNode> audit, Optional<JsonNode> previous,
                           Optional<Lang> diagram, Optional<String> drawn) {
}
