package org.alliancepulse.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the services' packaged applications and the realm file are found from there. */
public final class RepoRoot {

    /** System property that pins the repository root (Maven passes it); otherwise found from the working dir. */
    public static final String PROPERTY = "alliancepulse.repo.root";

    private RepoRoot() {
    }

    public static Path find() {
        String pinned = System.getProperty(PROPERTY);
        if (pinned != null && !pinned.isBlank() && isRoot(Path.of(pinned))) {
            return Path.of(pinned).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("Cannot find the Alliance Pulse repository (a directory with mvnw and "
                + "intake-service/) from " + Path.of("").toAbsolutePath() + "; run from inside the repository or set -D"
                + PROPERTY + "=...");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("intake-service"));
    }
}
