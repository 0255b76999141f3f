package fr.medsaas.platform.constructs.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.medsaas.config.Requirement;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.rds.PerformanceInsightRetention;

/** DB-3, SEC-1: what a generated password may hold so that DATABASE_URL stays a valid URL. */
class SecretCharactersTest {

    @Test
    @Requirement("DB-3")
    void excludesTheSourceCharactersAndEveryUrlDelimiter() {
        assertThat(SecretCharacters.URL_UNSAFE).contains("\"", "@", "/", "\\")
                .contains(":", "?", "#", "%", "[", "]", "&", "+", ";", "=", "'", "`", " ".strip());
        assertThat(SecretCharacters.URL_UNSAFE).doesNotContain("-", ".", "_", "~").doesNotContainPattern("[A-Za-z0-9 ]");
    }

    @Test
    @Requirement("DB-3")
    void leavesSixtySixSymbolsSoThirtyTwoCharactersCarryAbout193Bits() {
        long kept = java.util.stream.IntStream.rangeClosed(0x21, 0x7E)
                .filter(c -> SecretCharacters.URL_UNSAFE.indexOf(c) < 0).count();
        assertThat(kept).isEqualTo(66);
        assertThat(SecretCharacters.PASSWORD_LENGTH * Math.log(kept) / Math.log(2)).isGreaterThan(190);
    }

    @Test
    @Requirement("SEC-1")
    void aPasswordOfTheKeptCharactersNeedsNoEscapingInAUrl() {
        String password = "aZ09-._~aZ09-._~aZ09-._~aZ09-._~";
        URI uri = URI.create("postgres://postgres:" + password + "@db.example.internal:5432/medical_saas");
        assertThat(uri.getUserInfo()).isEqualTo("postgres:" + password);
        assertThat(uri.getPort()).isEqualTo(5432);
    }

    @Test
    @Requirement("DB-7")
    void performanceInsightsRetentionMapsToWhatCdkOffers() {
        assertThat(PostgresDatabase.performanceInsightRetention(7)).isEqualTo(PerformanceInsightRetention.DEFAULT);
        assertThat(PostgresDatabase.performanceInsightRetention(93)).isEqualTo(PerformanceInsightRetention.MONTHS_3);
        assertThat(PostgresDatabase.performanceInsightRetention(731)).isEqualTo(PerformanceInsightRetention.LONG_TERM);
    }
}
