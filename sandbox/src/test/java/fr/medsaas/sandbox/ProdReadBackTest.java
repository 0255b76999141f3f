package fr.medsaas.sandbox;

/** SBX-1: the `prod` environment deployed to the emulator and read back. */
class ProdReadBackTest extends PlatformReadBackTest {
    @Override
    String environment() {
        return "prod";
    }
}
