package org.alliancepulse.platform.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of the service takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6): the
 * framework's refusal names none. Read once from the service's resource classes, the same annotations that route.
 */
@ApplicationScoped
public class AllowedMethods {

    /** A path template of a resource method, as written and as a pattern, and the HTTP method it takes there. */
    record Route(String template, Pattern path, String method) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The methods {@code path} takes, sorted ({@code HEAD} with every {@code GET}); empty for a path none takes. */
    public Set<String> of(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
                if (HttpMethod.GET.equals(route.method())) {
                    methods.add(HttpMethod.HEAD); // JAX-RS answers HEAD wherever it answers GET
                }
            }
        }
        return methods;
    }

    /**
     * The path template a request path falls under ({@code /api/feedback/{token}} for {@code /api/feedback/k2J...}),
     * a parameter's own regex left out; empty for a path no resource takes.
     */
    public Optional<String> templateOf(String path) {
        return routes().stream().filter(route -> route.path().matcher(path).matches()).map(Route::template)
                .findFirst();
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verbOf(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = root.value() + (sub == null ? "" : "/" + sub.value());
                        known.add(new Route(named(template), template(template), verb));
                    }
                }
            }
            routes = known;
        }
        return known;
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /api//items/{n: \d+}/} → {@code /api/items/{n}}: the template as a metric or a reader names it. */
    static String named(String template) {
        String normalised = ("/" + template).replaceAll("/+", "/").replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return normalised.length() > 1 && normalised.endsWith("/")
                ? normalised.substring(0, normalised.length() - 1) : normalised;
    }

    /** {@code /api/clients/{id}} → {@code /api/clients/[^/]+}; a parameter's own regex ({@code {id: \d+}}) is kept. */
    static Pattern template(String template) {
        String normalised = ("/" + template).replaceAll("/+", "/");
        if (normalised.length() > 1 && normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < normalised.length()) {
            int open = normalised.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(normalised.substring(at)));
                break;
            }
            regex.append(Pattern.quote(normalised.substring(at, open)));
            int depth = 0;
            int close = open;
            for (; close < normalised.length(); close++) {
                char c = normalised.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String parameter = normalised.substring(open + 1, close);
            int colon = parameter.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : parameter.substring(colon + 1).trim()).append(')');
            at = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }
}
