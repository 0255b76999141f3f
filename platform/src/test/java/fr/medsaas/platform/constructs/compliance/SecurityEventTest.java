package fr.medsaas.platform.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** OBS-5 as plain data: every message names only fields it picks from the event, and reads as text. */
class SecurityEventTest {
    @Test
    @Requirement("OBS-5")
    void obs5_everyPlaceholderOfAMessageIsAnInputPath() {
        Pattern placeholder = Pattern.compile("<([a-z]+)>");
        assertThat(SecurityEvent.all()).hasSize(7).allSatisfy(e -> {
            Matcher m = placeholder.matcher(e.message());
            while (m.find()) {
                assertThat(e.inputPaths()).as(e.id()).containsKey(m.group(1));
            }
            assertThat(e.inputPaths().values()).allSatisfy(p -> assertThat(p).startsWith("$."));
            assertThat(e.inputTemplate()).startsWith("\"").endsWith("\"");
        });
    }

    @Test
    @Requirement({"OBS-5", "HARD-9"})
    void securityHubFindingsOfHighAndCriticalSeverityThatAreNewReachPeople() {
        SecurityEvent hub = SecurityEvent.all().stream().filter(e -> e.id().equals("SecurityHubFindings")).findFirst().orElseThrow();
        assertThat(hub.pattern().toString()).contains("source=[aws.securityhub]", "Security Hub Findings - Imported",
                "Label=[HIGH, CRITICAL]", "Status=[NEW]", "RecordState=[ACTIVE]");
        assertThat(SecurityEvent.forwardedFromOtherRegions()).contains(hub);
    }

    @Test
    @Requirement("OBS-5")
    void obs5_guardDutyFromMediumSeverityUp() {
        assertThat(SecurityEvent.all().get(0).pattern().toString()).contains("numeric=[>=, 4]");
    }
}
