package uk.pathways.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import uk.pathways.agency.Agency;
import uk.pathways.calendar.Clocks;

/**
 * What a Pathways model may name: the Pathways beans (only beans of Pathways' own classes: a model may not
 * reach the engine's services or the database), each process's documented variables, the contract's
 * groups, the configured clocks, and the forms, decisions and processes shipped in forms/ and bpmn/.
 */
@Component
public class ModelVocabulary {

    private static final String OWN_PACKAGE = "uk.pathways.";

    private final ApplicationContext context;
    private final ObjectProvider<Clocks> clocks;
    private final List<ProcessVariables> variables;
    private volatile Map<String, Class<?>> beans;
    private volatile Shipped shipped;

    ModelVocabulary(ApplicationContext context, ObjectProvider<Clocks> clocks, List<ProcessVariables> variables) {
        this.context = context;
        this.clocks = clocks;
        this.variables = variables;
    }

    /** The forms, decisions and processes in forms/ and bpmn/ on the classpath. */
    record Shipped(Set<String> forms, Set<String> decisions, Set<String> processes) {}

    /** The type of the Pathways bean with this name, if there is one. */
    public Optional<Class<?>> bean(String name) {
        return Optional.ofNullable(beans().get(name));
    }

    public Set<String> beanNames() {
        return Collections.unmodifiableSet(new TreeSet<>(beans().keySet()));
    }

    /** The documented variables of a process, or empty if the process has no documented list. */
    public Optional<Set<String>> variables(String processKey) {
        return variables.stream()
                .filter(v -> v.processKey().equals(processKey))
                .findFirst()
                .map(ProcessVariables::names);
    }

    public boolean isGroup(String groupId) {
        return Agency.isContractGroup(groupId);
    }

    public List<String> groups() {
        return Agency.contractGroupIds();
    }

    public boolean hasClock(String name) {
        Clocks c = clocks.getIfAvailable();
        return c == null || c.has(name);
    }

    public Set<String> clockNames() {
        Clocks c = clocks.getIfAvailable();
        return c == null ? Set.of() : new TreeSet<>(c.all().keySet());
    }

    Shipped shipped() {
        Shipped s = shipped;
        if (s == null) {
            s = readShipped();
            shipped = s;
        }
        return s;
    }

    private Map<String, Class<?>> beans() {
        Map<String, Class<?>> b = beans;
        if (b == null) {
            Map<String, Class<?>> found = new HashMap<>();
            for (String name : context.getBeanDefinitionNames()) {
                Class<?> type = context.getType(name, false);
                if (type != null && type.getName().startsWith(OWN_PACKAGE)) {
                    found.put(name, type);
                    for (String alias : context.getAliases(name)) {
                        found.put(alias, type);
                    }
                }
            }
            b = Map.copyOf(found);
            beans = b;
        }
        return b;
    }

    private Shipped readShipped() {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(context.getClassLoader());
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (String pattern :
                    List.of("classpath*:forms/**/*.form", "classpath*:bpmn/**/*.dmn", "classpath*:bpmn/**/*.bpmn")) {
                for (Resource r : resolver.getResources(pattern)) {
                    try (InputStream in = r.getInputStream()) {
                        files.put(r.getFilename(), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the shipped models: " + e.getMessage(), e);
        }
        ModelFiles read = ModelFiles.read(files);
        return new Shipped(read.formIds().keySet(), read.decisionIds(), read.processIds());
    }
}
