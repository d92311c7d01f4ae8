package org.alliancepulse.testinfra.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compiled classes of a package and its sub-packages, for tests that hold a rule over all of a module's classes
 * (every {@code POST} endpoint is idempotent, say), so a class added later cannot escape it. Reads class-path
 * directories, which is where a module's own classes are while its tests run.
 */
public final class PackageClasses {

    private PackageClasses() {
    }

    public static List<Class<?>> of(String packageName) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(packageName.replace('.', '/')))) {
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                Path folder = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        String relative = folder.relativize(file).toString()
                                .replace(file.getFileSystem().getSeparator(), ".");
                        String name = packageName + "." + relative.substring(0, relative.length() - ".class".length());
                        classes.add(Class.forName(name, false, loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
