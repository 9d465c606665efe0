package uk.pathways.modeling;

import static uk.pathways.modeling.ModelFiles.BPMN_NS;
import static uk.pathways.modeling.ModelFiles.CAMUNDA_NS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What changed between two versions of a process: elements added, removed and changed, and among the changes
 * the clocks (due dates and timers) and the candidate groups, which are what process owners most often change.
 */
@Service
public class ModelDiff {

    static final Set<String> CLOCK_PROPERTIES = Set.of("dueDate", "followUpDate", "timer", "escalation timer");
    static final String GROUPS = "candidateGroups";

    private final Migrations migrations;
    private final RepositoryService repositoryService;

    ModelDiff(Migrations migrations, RepositoryService repositoryService) {
        this.migrations = migrations;
        this.repositoryService = repositoryService;
    }

    public record ModelElement(String id, String type, String name) {}

    public record Change(String property, String from, String to) {}

    public record Changed(String id, String type, String name, List<Change> changes) {}

    public record ClockChange(String elementId, String name, String property, String from, String to) {}

    public record Diff(
            String key,
            int fromVersion,
            int toVersion,
            List<ModelElement> added,
            List<ModelElement> removed,
            List<Changed> changed,
            List<ClockChange> clocks,
            List<ClockChange> candidateGroups) {}

    public Diff diff(String key, int from, int to) {
        Map<String, Summary> before = summaries(migrations.definition(key, from));
        Map<String, Summary> after = summaries(migrations.definition(key, to));
        List<ModelElement> added = new ArrayList<>();
        List<ModelElement> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        List<ClockChange> clocks = new ArrayList<>();
        List<ClockChange> groups = new ArrayList<>();
        after.forEach((id, s) -> {
            if (!before.containsKey(id)) {
                added.add(s.element());
            }
        });
        before.forEach((id, old) -> {
            Summary now = after.get(id);
            if (now == null) {
                removed.add(old.element());
                return;
            }
            List<Change> changes = new ArrayList<>();
            Set<String> properties = new TreeSet<>(old.properties().keySet());
            properties.addAll(now.properties().keySet());
            for (String p : properties) {
                String a = old.properties().get(p);
                String b = now.properties().get(p);
                if (!Objects.equals(a, b)) {
                    changes.add(new Change(p, a, b));
                    if (CLOCK_PROPERTIES.contains(p)) {
                        clocks.add(new ClockChange(id, now.name(), p, a, b));
                    } else if (GROUPS.equals(p)) {
                        groups.add(new ClockChange(id, now.name(), p, a, b));
                    }
                }
            }
            if (!changes.isEmpty()) {
                changed.add(new Changed(id, now.type(), now.name(), changes));
            }
        });
        return new Diff(key, from, to, added, removed, changed, clocks, groups);
    }

    /** One element of a process: what it is, and every property a process owner may change. */
    record Summary(String id, String type, String name, Map<String, String> properties) {
        ModelElement element() {
            return new ModelElement(id, type, name);
        }
    }

    private Map<String, Summary> summaries(ProcessDefinition definition) {
        Document doc;
        try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
            doc = ModelFiles.read(Map.of("model.bpmn", in.readAllBytes()))
                    .bpmn()
                    .get("model.bpmn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Summary> summaries = new TreeMap<>();
        if (doc == null) {
            return summaries;
        }
        NodeList processes = doc.getElementsByTagNameNS(BPMN_NS, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            Element process = (Element) processes.item(i);
            if (definition.getKey().equals(process.getAttribute("id"))) {
                collect(process, summaries);
            }
        }
        return summaries;
    }

    private void collect(Element parent, Map<String, Summary> summaries) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && BPMN_NS.equals(e.getNamespaceURI())
                    && e.hasAttribute("id")
                    && !"extensionElements".equals(e.getLocalName())) {
                summaries.put(e.getAttribute("id"), summarise(e));
                if (e.getLocalName().equals("subProcess")) {
                    collect(e, summaries);
                }
            }
        }
    }

    private Summary summarise(Element e) {
        Map<String, String> p = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getNamespaceURI() == null || CAMUNDA_NS.equals(a.getNamespaceURI())) {
                p.put(a.getLocalName(), a.getValue());
            }
        }
        p.remove("id");
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element child)) {
                continue;
            }
            switch (child.getLocalName()) {
                case "conditionExpression" ->
                    p.put("condition", child.getTextContent().strip());
                case "timerEventDefinition" -> p.put("timer", timer(child));
                case "multiInstanceLoopCharacteristics" ->
                    p.put(
                            "multiInstance",
                            child.getAttributeNS(CAMUNDA_NS, "collection") + " as "
                                    + child.getAttributeNS(CAMUNDA_NS, "elementVariable"));
                case "extensionElements" -> extensions(child, p);
                case "documentation" ->
                    p.put("documentation", child.getTextContent().strip());
                default -> {
                    if (child.getLocalName().endsWith("EventDefinition")) {
                        p.put("event", child.getLocalName() + refs(child));
                    }
                }
            }
        }
        return new Summary(e.getAttribute("id"), e.getLocalName(), e.getAttribute("name"), p);
    }

    private void extensions(Element ext, Map<String, String> p) {
        List<String> listeners = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (Node n = ext.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element c) || !CAMUNDA_NS.equals(c.getNamespaceURI())) {
                continue;
            }
            switch (c.getLocalName()) {
                case "taskListener", "executionListener" -> {
                    String what = c.getLocalName() + " " + c.getAttribute("event") + " "
                            + firstNonBlank(
                                    c.getAttribute("delegateExpression"),
                                    c.getAttribute("expression"),
                                    c.getAttribute("class"));
                    listeners.add(what);
                    NodeList timers = c.getElementsByTagNameNS(BPMN_NS, "timerEventDefinition");
                    if (timers.getLength() > 0) {
                        p.put("escalation timer", timer((Element) timers.item(0)));
                    }
                }
                case "properties" -> {
                    NodeList list = c.getElementsByTagNameNS(CAMUNDA_NS, "property");
                    for (int i = 0; i < list.getLength(); i++) {
                        Element property = (Element) list.item(i);
                        properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
                    }
                }
                case "in", "out" ->
                    mappings.add(c.getLocalName() + " "
                            + firstNonBlank(
                                    c.getAttribute("source"),
                                    c.getAttribute("sourceExpression"),
                                    c.getAttribute("businessKey"),
                                    c.getAttribute("variables"))
                            + (c.getAttribute("target").isBlank() ? "" : " -> " + c.getAttribute("target")));
                default -> {}
            }
        }
        if (!listeners.isEmpty()) {
            p.put("listeners", String.join("; ", listeners));
        }
        if (!properties.isEmpty()) {
            p.put("properties", String.join("; ", properties));
        }
        if (!mappings.isEmpty()) {
            p.put("variable mappings", String.join("; ", mappings));
        }
    }

    private static String timer(Element definition) {
        for (Node n = definition.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element t) {
                return t.getLocalName() + " " + t.getTextContent().strip();
            }
        }
        return "";
    }

    private static String refs(Element definition) {
        for (String ref : List.of("messageRef", "escalationRef", "errorRef", "signalRef")) {
            if (definition.hasAttribute(ref)) {
                return " " + definition.getAttribute(ref);
            }
        }
        return "";
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
