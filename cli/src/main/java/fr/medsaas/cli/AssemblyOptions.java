package fr.medsaas.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flag that says where the cloud assembly goes: {@code --out}. */
public final class AssemblyOptions {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "cdk.out",
            description = "Folder of the assembly; replaced only when synthesis succeeds. Default: ${DEFAULT-VALUE}.")
    Path out;

    /** The assembly's folder. */
    public Path out() {
        return out;
    }
}
