package org.alliancepulse.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API operation takes the query parameters it declares, each once. A parameter it does not know is a 400
 * naming it, and so is a second value of one it takes once: a filter misspelt ({@code ?satus=OPEN}) or repeated
 * ({@code ?status=OPEN&status=RESOLVED}) was silently dropped and the answer silently wider than asked (outside
 * probes: intake listed the whole clinic for {@code ?name=}; the alert inbox took the first status only). Pages
 * (outside {@code /api/}) are left alone: the identity provider sends the browser back with its own parameters.
 */
public class KnownQueryParameters {

    /** Per resource method: the names it takes, and those it takes more than once (a list). */
    private static final Map<Method, Declared> DECLARED = new ConcurrentHashMap<>();

    private record Declared(Set<String> names, Set<String> repeatable) {
    }

    @ServerRequestFilter
    public void refuseWhatIsNotTaken(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Declared declared = DECLARED.computeIfAbsent(method, KnownQueryParameters::declared);
        for (Map.Entry<String, List<String>> given : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = given.getKey();
            if (!declared.names().contains(name)) {
                throw ProblemException.invalid(name, declared.names().isEmpty()
                        ? "is not a parameter of this operation; it takes none"
                        : "is not a parameter of this operation; it takes " + declared.names());
            }
            if (given.getValue().size() > 1 && !declared.repeatable().contains(name)) {
                throw ProblemException.invalid(name, "is given " + given.getValue().size()
                        + " times; it takes one value");
            }
        }
    }

    private static Declared declared(Method method) {
        Set<String> names = new TreeSet<>();
        Set<String> repeatable = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
                if (Collection.class.isAssignableFrom(parameter.getType())) {
                    repeatable.add(query.value());
                }
            }
        }
        return new Declared(names, repeatable);
    }
}
