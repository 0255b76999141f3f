package fr.medsaas.sandbox;

/** SBX-1: the `dev` environment deployed to the emulator and read back. */
class DevReadBackTest extends PlatformReadBackTest {
    @Override
    String environment() {
        return "dev";
    }
}
