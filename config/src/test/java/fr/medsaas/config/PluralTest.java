package fr.medsaas.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts read as English: singular for exactly one. */
class PluralTest {
    @Test
    void oneIsSingularZeroAndManyArePlural() {
        assertThat(Plural.of(1, "task")).isEqualTo("1 task");
        assertThat(Plural.of(0, "task")).isEqualTo("0 tasks");
        assertThat(Plural.of(2, "resource")).isEqualTo("2 resources");
        assertThat(Plural.of(1, "copy", "copies")).isEqualTo("1 copy");
        assertThat(Plural.of(3, "copy", "copies")).isEqualTo("3 copies");
        assertThat(Plural.noun(1, "resource", "resources")).isEqualTo("resource");
    }
}
