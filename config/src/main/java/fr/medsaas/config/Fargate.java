package fr.medsaas.config;

import java.util.List;
import java.util.Map;

/** The CPU and memory pairs Fargate accepts (Linux tasks), as plain data for validation. */
public final class Fargate {
    /** For each CPU value: smallest memory, largest memory, step, in MiB. */
    private static final Map<Integer, int[]> MEMORY = Map.of(
            256, new int[] {512, 2048, 512},
            512, new int[] {1024, 4096, 1024},
            1024, new int[] {2048, 8192, 1024},
            2048, new int[] {4096, 16384, 1024},
            4096, new int[] {8192, 30720, 1024},
            8192, new int[] {16384, 61440, 4096},
            16384, new int[] {32768, 122880, 8192});

    /** The CPU values Fargate accepts. */
    public static final List<Integer> CPU = List.of(256, 512, 1024, 2048, 4096, 8192, 16384);

    private Fargate() {
    }

    /** True when Fargate accepts this pair. */
    public static boolean accepts(int cpu, int memoryMiB) {
        int[] range = MEMORY.get(cpu);
        if (range == null) {
            return false;
        }
        if (cpu == 256 && memoryMiB == 512) {
            return true;
        }
        return memoryMiB >= range[0] && memoryMiB <= range[1] && (memoryMiB - range[0]) % range[2] == 0;
    }

    /** The memory values allowed with {@code cpu}, in words. */
    public static String allowedMemory(int cpu) {
        int[] range = MEMORY.get(cpu);
        if (range == null) {
            return "a CPU value of " + CPU + " first";
        }
        if (cpu == 256) {
            return "512, 1024 or 2048 MiB with 256 CPU units";
        }
        return range[0] + " to " + range[1] + " MiB in steps of " + range[2] + " with " + cpu + " CPU units";
    }
}
