package fr.medsaas.audit;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines on stderr, per region and service, since a real account takes a while. */
public final class Progress {
    private final PrintWriter err;

    public Progress(PrintWriter err) {
        this.err = err;
    }

    /** Prints nothing (tests). */
    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()));
    }

    /** "audit: eu-west-3 s3: 3 buckets". */
    public void step(String region, String service, String what) {
        err.printf(Locale.ROOT, "audit: %-14s %-12s %s%n", region, service, what);
        err.flush();
    }
}
