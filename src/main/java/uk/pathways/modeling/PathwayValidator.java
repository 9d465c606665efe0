package uk.pathways.modeling;

import static uk.pathways.modeling.ModelFiles.BPMN_NS;
import static uk.pathways.modeling.ModelFiles.CAMUNDA_DMN_NS;
import static uk.pathways.modeling.ModelFiles.CAMUNDA_NS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Pathways rules for models, checked before anything is deployed (see docs/adr/0008-validate-before-deploy.md):
 * every user task has a contract group, an existing form, a due date and an escalation clock; every process and
 * decision keeps its history for a set time; no model carries code; every expression names a Pathways bean, a
 * documented variable of its process or one of the engine's own names; every clock it names is configured; and
 * the contract's decision gives only the contract's values.
 */
@Component
public class PathwayValidator {

    /** The contract's decision outputs (contract section 3): decision key, output name, the values it may give. */
    static final Map<String, Map<String, List<String>>> CONTRACT_OUTPUTS = Map.of(
            "cse-threshold",
            Map.of(
                    "riskLevel", List.of("NONE", "LOW", "MEDIUM", "HIGH"),
                    "pathway", List.of("UNIVERSAL", "EARLY_HELP", "STRATEGY_MEETING", "URGENT_STRATEGY_MEETING")));
    /** The contract's decision inputs: the only variables the decision is given. */
    static final Map<String, Set<String>> CONTRACT_INPUTS =
            Map.of("cse-threshold", Set.of("age", "screeningScore", "disclosure", "learningDisability"));

    static final String ESCALATION_BEAN = "escalation";

    private static final Pattern HISTORY_TTL = Pattern.compile("P\\d+D|\\d+");
    private static final Pattern STRING_LITERAL = Pattern.compile("^\"([^\"]*)\"$");
    private static final Set<String> TIMER_PARTS = Set.of("timeDate", "timeDuration", "timeCycle");
    /** Elements whose text is prose or metadata, never evaluated. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "property", "properties");

    private final ModelVocabulary vocabulary;

    public PathwayValidator(ModelVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Checks a set of model files that would be deployed together. */
    public ValidationReport validate(Map<String, byte[]> resources, ModelContext deployed) {
        ModelFiles files = ModelFiles.read(resources);
        Run run = new Run(files, deployed);
        run.findings.addAll(files.unreadable());
        files.forms().forEach(run::checkForm);
        files.dmn().forEach(run::checkDecisions);
        files.bpmn().forEach(run::checkProcesses);
        return new ValidationReport(List.copyOf(resources.keySet()), run.findings);
    }

    /** One validation: the files, what they can find, and what was found. */
    private final class Run {

        final ModelFiles files;
        final ModelContext deployed;
        final Map<String, String> formsHere;
        final Set<String> decisionsHere;
        final Set<String> processesHere;
        final List<Finding> findings = new ArrayList<>();

        Run(ModelFiles files, ModelContext deployed) {
            this.files = files;
            this.deployed = deployed;
            this.formsHere = files.formIds();
            this.decisionsHere = files.decisionIds();
            this.processesHere = files.processIds();
        }

        // ---- forms

        void checkForm(String resource, JsonNode form) {
            String id = form.path("id").asText("");
            if (id.isBlank()) {
                findings.add(Finding.error(resource, null, null, "the form has no id, so no task can name it"));
                return;
            }
            if (!form.path("components").isArray()) {
                findings.add(Finding.error(resource, id, null, "the form has no components"));
            }
            String base = resource.substring(resource.lastIndexOf('/') + 1).replaceFirst("\\.form$", "");
            if (!base.equals(id)) {
                findings.add(Finding.warning(
                        resource,
                        id,
                        null,
                        "the form id '" + id + "' differs from its file name '" + base
                                + "'; tasks name the id (Pathways keeps them the same)"));
            }
        }

        // ---- decisions

        void checkDecisions(String resource, Document doc) {
            List<Element> decisions = ModelFiles.childrenNamed(doc.getDocumentElement(), "decision");
            if (decisions.isEmpty()) {
                findings.add(Finding.error(resource, null, null, "has no decision"));
            }
            for (Element decision : decisions) {
                String id = decision.getAttribute("id");
                String name = decision.getAttribute("name");
                String ttl = decision.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive");
                if (ttl.isBlank()) {
                    findings.add(
                            Finding.error(
                                    resource,
                                    id,
                                    name,
                                    "the decision has no history time to live (camunda:historyTimeToLive, for example P2555D)"));
                } else if (!HISTORY_TTL.matcher(ttl.strip()).matches()) {
                    findings.add(Finding.error(
                            resource,
                            id,
                            name,
                            "the history time to live '" + ttl + "' is not a number of days (for example P2555D)"));
                }
                if (CONTRACT_OUTPUTS.containsKey(id)) {
                    checkContractDecision(resource, id, name, decision);
                }
            }
        }

        private void checkContractDecision(String resource, String id, String name, Element decision) {
            List<Element> tables = ModelFiles.childrenNamed(decision, "decisionTable");
            if (tables.isEmpty()) {
                findings.add(Finding.error(resource, id, name, "the contract's decision must stay a decision table"));
                return;
            }
            Element table = tables.get(0);
            Set<String> allowedInputs = CONTRACT_INPUTS.get(id);
            for (Element input : ModelFiles.childrenNamed(table, "input")) {
                for (Element expression : ModelFiles.childrenNamed(input, "inputExpression")) {
                    String text = textOf(expression, "text").strip();
                    if (!allowedInputs.contains(text)) {
                        findings.add(Finding.error(
                                resource,
                                input.getAttribute("id"),
                                input.getAttribute("label"),
                                "input '" + text + "' is not one the pathway gives this decision (it gives "
                                        + String.join(", ", new java.util.TreeSet<>(allowedInputs)) + ")"));
                    }
                }
            }
            List<Element> outputs = ModelFiles.childrenNamed(table, "output");
            Map<String, List<String>> contract = CONTRACT_OUTPUTS.get(id);
            List<String> outputNames =
                    outputs.stream().map(o -> o.getAttribute("name")).toList();
            contract.keySet().stream()
                    .sorted()
                    .filter(n -> !outputNames.contains(n))
                    .forEach(n -> findings.add(Finding.error(
                            resource, id, name, "the decision has no output '" + n + "' (the contract needs it)")));
            for (Element output : outputs) {
                List<String> allowed = contract.get(output.getAttribute("name"));
                if (allowed == null) {
                    continue;
                }
                String outputName = output.getAttribute("name");
                for (Element values : ModelFiles.childrenNamed(output, "outputValues")) {
                    for (String value : textOf(values, "text").split(",")) {
                        checkOutputValue(
                                resource, output.getAttribute("id"), outputName, value, allowed, "allowed values list");
                    }
                }
                int index = outputs.indexOf(output);
                for (Element rule : ModelFiles.childrenNamed(table, "rule")) {
                    List<Element> entries = ModelFiles.childrenNamed(rule, "outputEntry");
                    if (index >= entries.size()) {
                        findings.add(Finding.error(
                                resource,
                                rule.getAttribute("id"),
                                textOf(rule, "description"),
                                "the rule gives no '" + outputName + "'"));
                        continue;
                    }
                    Element entry = entries.get(index);
                    checkOutputValue(
                            resource,
                            rule.getAttribute("id"),
                            textOf(rule, "description"),
                            textOf(entry, "text"),
                            allowed,
                            "'" + outputName + "'");
                }
            }
        }

        private void checkOutputValue(
                String resource, String elementId, String elementName, String raw, List<String> allowed, String what) {
            String text = raw.strip();
            var literal = STRING_LITERAL.matcher(text);
            if (!literal.matches()) {
                findings.add(Finding.error(
                        resource,
                        elementId,
                        elementName,
                        what + " is " + (text.isEmpty() ? "empty" : text) + ": write one of " + quoted(allowed)
                                + " in double quotes"));
            } else if (!allowed.contains(literal.group(1))) {
                findings.add(Finding.error(
                        resource,
                        elementId,
                        elementName,
                        what + " gives " + text + ", which is not one of the contract's values " + quoted(allowed)));
            }
        }

        // ---- processes

        void checkProcesses(String resource, Document doc) {
            NodeList processes = doc.getElementsByTagNameNS(BPMN_NS, "process");
            if (processes.getLength() == 0) {
                findings.add(Finding.error(resource, null, null, "has no process"));
            }
            for (int i = 0; i < processes.getLength(); i++) {
                checkProcess(resource, (Element) processes.item(i));
            }
        }

        private void checkProcess(String resource, Element process) {
            String key = process.getAttribute("id");
            String name = process.getAttribute("name");
            if (!"true".equals(process.getAttribute("isExecutable"))) {
                findings.add(Finding.warning(
                        resource, key, name, "the process is not executable: the engine will not run it"));
                return;
            }
            String ttl = process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive");
            if (ttl.isBlank()) {
                findings.add(Finding.error(
                        resource,
                        key,
                        name,
                        "the process has no history time to live (camunda:historyTimeToLive, for example P2555D)"));
            } else if (!HISTORY_TTL.matcher(ttl.strip()).matches()) {
                findings.add(Finding.error(
                        resource,
                        key,
                        name,
                        "the history time to live '" + ttl + "' is not a number of days (for example P2555D)"));
            }
            Optional<Set<String>> documented = vocabulary.variables(key);
            Set<String> known = new HashSet<>(documented.orElse(Set.of()));
            for (Element mi : descendants(process, BPMN_NS, "multiInstanceLoopCharacteristics")) {
                String elementVariable = mi.getAttributeNS(CAMUNDA_NS, "elementVariable");
                if (!elementVariable.isBlank()) {
                    known.add(elementVariable);
                }
            }
            Scope scope = new Scope(resource, key, known, documented.isPresent());
            walk(process, process, scope);
        }

        /** Visits every element of a process, checking what each kind of element needs. */
        private void walk(Element element, Element owner, Scope scope) {
            if (BPMN_NS.equals(element.getNamespaceURI()) && element.hasAttribute("id") && isOwner(element)) {
                owner = element;
                checkElement(element, scope);
            }
            if (CAMUNDA_NS.equals(element.getNamespaceURI())) {
                checkCamundaExtension(element, owner, scope);
            }
            checkExpressionsIn(element, owner, scope);
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element child) {
                    walk(child, owner, scope);
                }
            }
        }

        private boolean isOwner(Element e) {
            String local = e.getLocalName();
            return !local.endsWith("EventDefinition")
                    && !local.endsWith("LoopCharacteristics")
                    && !local.equals("conditionExpression")
                    && !TIMER_PARTS.contains(local);
        }

        private void checkElement(Element element, Scope scope) {
            switch (element.getLocalName()) {
                case "scriptTask" ->
                    scope.error(
                            element,
                            "is a script task: Pathways models carry no code; "
                                    + "call a Pathways bean with a delegate expression instead");
                case "userTask" -> checkUserTask(element, scope);
                case "businessRuleTask" -> checkDecisionRef(element, scope);
                case "callActivity" -> checkCalledElement(element, scope);
                case "conditionExpression" -> {}
                default -> {}
            }
            if (element.hasAttributeNS(CAMUNDA_NS, "class")) {
                String className = element.getAttributeNS(CAMUNDA_NS, "class");
                scope.error(
                        element,
                        "names the Java class " + className + " (camunda:class): use a delegate expression "
                                + "naming a Pathways bean instead");
            }
            for (Element condition : ModelFiles.children(element, BPMN_NS, "conditionExpression")) {
                if (!condition.getAttribute("language").isBlank()) {
                    scope.error(
                            element,
                            "its condition is a " + condition.getAttribute("language")
                                    + " script: Pathways models carry no code; write an expression such as ${pathway == 'EARLY_HELP'}");
                }
            }
            String clock = camundaProperty(element, "clock");
            for (Element timer : descendantsNamed(element, TIMER_PARTS)) {
                if (owns(element, timer)) {
                    checkTimer(element, timer, scope);
                    if (clock != null
                            && !Expressions.clockNames(timer.getTextContent()).contains(clock)) {
                        scope.error(
                                element,
                                "is marked as the clock '" + clock + "' but its timer is '"
                                        + timer.getTextContent().strip()
                                        + "': name the clock in the timer, for example "
                                        + "${clocks.isoDuration('" + clock + "')}");
                    }
                }
            }
        }

        /** True if {@code timer} belongs to {@code element} itself (not to a nested element with its own id). */
        private boolean owns(Element element, Element inner) {
            for (Node n = inner.getParentNode(); n != null; n = n.getParentNode()) {
                if (n == element) {
                    return true;
                }
                if (n instanceof Element e
                        && BPMN_NS.equals(e.getNamespaceURI())
                        && e.hasAttribute("id")
                        && isOwner(e)) {
                    return false;
                }
            }
            return false;
        }

        private void checkTimer(Element owner, Element timer, Scope scope) {
            String text = timer.getTextContent().strip();
            if (text.isEmpty()) {
                scope.error(
                        owner,
                        "has a timer with no " + timer.getLocalName() + ": pick a clock, for example "
                                + "${clocks.due('screening')}");
            } else if (!Expressions.isExpression(text)) {
                scope.warning(
                        owner,
                        "its timer is fixed at '" + text + "': name a clock (${clocks...}) so that the "
                                + "time can change in configuration without a new model version");
            }
        }

        private void checkUserTask(Element task, Scope scope) {
            String groups = task.getAttributeNS(CAMUNDA_NS, "candidateGroups").strip();
            if (groups.isEmpty()) {
                scope.error(
                        task,
                        "has no candidate group: choose the agency that does this task (camunda:candidateGroups, "
                                + "one of " + String.join(", ", vocabulary.groups())
                                + ", or an expression such as ${agency})");
            } else if (!Expressions.isExpression(groups)) {
                for (String group : groups.split(",")) {
                    String g = group.strip();
                    if (!vocabulary.isGroup(g)) {
                        scope.error(
                                task,
                                "candidate group '" + g + "' is not one of the contract's groups ("
                                        + String.join(", ", vocabulary.groups()) + ")");
                    }
                }
            }
            checkForm(task, scope);
            String due = task.getAttributeNS(CAMUNDA_NS, "dueDate").strip();
            if (due.isEmpty()) {
                scope.error(
                        task,
                        "has no due date: pick its clock (camunda:dueDate, for example ${clocks.due('screening')})");
            } else if (!Expressions.isExpression(due)) {
                scope.warning(task, "its due date is fixed at '" + due + "': name a clock (${clocks.due('...')})");
            }
            List<Element> escalations = new ArrayList<>();
            for (Element ext : ModelFiles.children(task, BPMN_NS, "extensionElements")) {
                for (Element listener : ModelFiles.children(ext, CAMUNDA_NS, "taskListener")) {
                    if ("timeout".equals(listener.getAttribute("event"))
                            && ESCALATION_BEAN.equals(
                                    Expressions.singleName(listener.getAttribute("delegateExpression")))) {
                        escalations.add(listener);
                    }
                }
            }
            if (escalations.isEmpty()) {
                scope.error(
                        task,
                        "has no escalation: add a task listener, event type 'timeout', delegate expression "
                                + "${escalation}, with a timer date equal to the due date"
                                + (due.isEmpty() ? "" : " (" + due + ")"));
                return;
            }
            boolean matchesDue = false;
            for (Element listener : escalations) {
                List<Element> timers = descendantsNamed(listener, TIMER_PARTS);
                if (timers.isEmpty() || timers.get(0).getTextContent().isBlank()) {
                    scope.error(
                            task,
                            "its escalation listener has no timer: give it a timer date equal to the due date"
                                    + (due.isEmpty() ? "" : " (" + due + ")"));
                } else if (timers.get(0).getTextContent().strip().equals(due)) {
                    matchesDue = true;
                }
            }
            if (!matchesDue && !due.isEmpty()) {
                scope.warning(
                        task,
                        "no escalation timer equals the due date (" + due + "): the task would escalate at a "
                                + "different time than the due date it shows");
            }
        }

        private void checkForm(Element task, Scope scope) {
            String formRef = task.getAttributeNS(CAMUNDA_NS, "formRef").strip();
            if (formRef.isEmpty()) {
                scope.error(
                        task,
                        task.hasAttributeNS(CAMUNDA_NS, "formKey")
                                ? "uses a form key: Pathways tasks use a Camunda Form from forms/ (camunda:formRef)"
                                : "has no form: name a form from forms/ (camunda:formRef)");
                return;
            }
            if (Expressions.isExpression(formRef)) {
                return;
            }
            String binding = task.getAttributeNS(CAMUNDA_NS, "formRefBinding");
            boolean here = formsHere.containsKey(formRef);
            if ("deployment".equals(binding)) {
                if (!here) {
                    scope.error(
                            task,
                            "form '" + formRef + "' must be deployed with the model (formRefBinding "
                                    + "'deployment') but is not in this deployment");
                }
            } else if (!here
                    && !deployed.formDeployed(formRef)
                    && !vocabulary.shipped().forms().contains(formRef)) {
                scope.error(
                        task,
                        "form '" + formRef + "' does not exist: it is not in this deployment, not deployed, "
                                + "and not in forms/");
            }
        }

        private void checkDecisionRef(Element task, Scope scope) {
            String ref = task.getAttributeNS(CAMUNDA_NS, "decisionRef").strip();
            if (ref.isEmpty()) {
                if (!task.hasAttributeNS(CAMUNDA_NS, "delegateExpression")) {
                    scope.error(task, "names no decision (camunda:decisionRef)");
                }
                return;
            }
            if (!Expressions.isExpression(ref)
                    && !decisionsHere.contains(ref)
                    && !deployed.decisionDeployed(ref)
                    && !vocabulary.shipped().decisions().contains(ref)) {
                scope.error(
                        task,
                        "decision '" + ref + "' does not exist: it is not in this deployment, not deployed, "
                                + "and not in bpmn/");
            }
        }

        private void checkCalledElement(Element call, Scope scope) {
            String called = call.getAttribute("calledElement").strip();
            if (called.isEmpty()) {
                scope.error(call, "names no process to call (calledElement)");
                return;
            }
            if (!Expressions.isExpression(called)
                    && !processesHere.contains(called)
                    && !deployed.processDeployed(called)
                    && !vocabulary.shipped().processes().contains(called)) {
                scope.error(
                        call,
                        "calls process '" + called + "', which does not exist: it is not in this deployment, "
                                + "not deployed, and not in bpmn/");
            }
            Set<String> calledVariables = Expressions.isExpression(called)
                    ? null
                    : vocabulary.variables(called).orElse(null);
            for (Element ext : ModelFiles.children(call, BPMN_NS, "extensionElements")) {
                for (Element in : ModelFiles.children(ext, CAMUNDA_NS, "in")) {
                    variable(call, in.getAttribute("source"), scope.known, scope.processKey, scope);
                    variable(call, in.getAttribute("target"), calledVariables, called, scope);
                }
                for (Element out : ModelFiles.children(ext, CAMUNDA_NS, "out")) {
                    variable(call, out.getAttribute("source"), calledVariables, called, scope);
                    variable(call, out.getAttribute("target"), scope.known, scope.processKey, scope);
                }
            }
        }

        private void variable(Element owner, String name, Set<String> known, String processKey, Scope scope) {
            if (name == null || name.isBlank() || known == null || known.contains(name)) {
                return;
            }
            scope.error(
                    owner,
                    "maps variable '" + name + "', which is not a documented variable of process '" + processKey + "'");
        }

        private void checkCamundaExtension(Element extension, Element owner, Scope scope) {
            switch (extension.getLocalName()) {
                case "script" ->
                    scope.error(
                            owner,
                            "carries a script (camunda:script): Pathways models carry no code; "
                                    + "call a Pathways bean with a delegate expression instead");
                case "connector" ->
                    scope.error(
                            owner,
                            "uses a connector: Pathways calls other systems from its own " + "beans, not from models");
                case "executionListener", "taskListener" -> {
                    if (extension.hasAttribute("class")) {
                        scope.error(
                                owner,
                                "has a listener naming the Java class " + extension.getAttribute("class")
                                        + ": use a delegate expression naming a Pathways bean instead");
                    }
                    String delegate = extension.getAttribute("delegateExpression");
                    String bean = Expressions.singleName(delegate);
                    if (bean != null) {
                        Class<?> needed = "taskListener".equals(extension.getLocalName())
                                ? TaskListener.class
                                : ExecutionListener.class;
                        vocabulary.bean(bean).ifPresent(type -> {
                            if (!needed.isAssignableFrom(type) && !JavaDelegate.class.isAssignableFrom(type)) {
                                scope.error(
                                        owner,
                                        "its " + extension.getLocalName() + " ${" + bean + "} is not a "
                                                + needed.getSimpleName());
                            }
                        });
                    }
                }
                default -> {}
            }
            for (String attribute : List.of("resource", "scriptFormat")) {
                if (extension.hasAttribute(attribute)) {
                    scope.error(owner, "carries a script (" + attribute + "): Pathways models carry no code");
                }
            }
        }

        /** Checks every expression in the element's attributes and in its own text. */
        private void checkExpressionsIn(Element element, Element owner, Scope scope) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (Expressions.isExpression(attribute.getValue()) && !NOT_EVALUATED.contains(element.getLocalName())) {
                    checkExpression(owner, attribute.getValue(), scope);
                    if ("delegateExpression".equals(attribute.getLocalName()) && element == owner) {
                        checkDelegateType(owner, attribute.getValue(), scope);
                    }
                }
            }
            if (NOT_EVALUATED.contains(element.getLocalName())) {
                return;
            }
            StringBuilder text = new StringBuilder();
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text.append(n.getNodeValue());
                }
            }
            if (Expressions.isExpression(text.toString())) {
                checkExpression(owner, text.toString(), scope);
            }
        }

        private void checkDelegateType(Element owner, String expression, Scope scope) {
            String bean = Expressions.singleName(expression);
            if (bean == null) {
                return;
            }
            vocabulary.bean(bean).ifPresent(type -> {
                if (!JavaDelegate.class.isAssignableFrom(type) && !ActivityBehavior.class.isAssignableFrom(type)) {
                    scope.error(owner, "its delegate ${" + bean + "} is not a JavaDelegate");
                }
            });
        }

        private void checkExpression(Element owner, String expression, Scope scope) {
            Expressions.Names names;
            try {
                names = Expressions.names(expression);
            } catch (IllegalArgumentException e) {
                scope.error(owner, "expression " + expression.strip() + " cannot be read: " + e.getMessage());
                return;
            }
            for (String identifier : names.identifiers()) {
                if (vocabulary.bean(identifier).isEmpty()
                        && !scope.known.contains(identifier)
                        && !Expressions.ENGINE_NAMES.contains(identifier)) {
                    scope.error(
                            owner,
                            "expression " + expression.strip() + " names '" + identifier
                                    + "', which is neither a Pathways bean nor a documented variable of process '"
                                    + scope.processKey + "'"
                                    + (scope.documented
                                            ? ""
                                            : " (the process has no documented variable list: add a ProcessVariables bean for it)"));
                }
            }
            for (String function : names.functions()) {
                if (!Expressions.ENGINE_FUNCTIONS.contains(function)) {
                    scope.error(
                            owner,
                            "expression " + expression.strip() + " calls the unknown function '" + function + "'");
                }
            }
            for (String clock : Expressions.clockNames(expression)) {
                if (!vocabulary.hasClock(clock)) {
                    scope.error(
                            owner,
                            "expression " + expression.strip() + " names the clock '" + clock
                                    + "', which is not configured (pathways.clocks." + clock
                                    + " in application.yml; configured: "
                                    + String.join(", ", vocabulary.clockNames()) + ")");
                }
            }
        }

        /** Where findings of one process go. */
        private final class Scope {
            final String resource;
            final String processKey;
            final Set<String> known;
            final boolean documented;
            /** One finding per element and message, however many attributes repeat it. */
            final Set<String> said = new LinkedHashSet<>();

            Scope(String resource, String processKey, Set<String> known, boolean documented) {
                this.resource = resource;
                this.processKey = processKey;
                this.known = known;
                this.documented = documented;
            }

            void error(Element element, String message) {
                add(Finding.error(resource, element.getAttribute("id"), element.getAttribute("name"), message));
            }

            void warning(Element element, String message) {
                add(Finding.warning(resource, element.getAttribute("id"), element.getAttribute("name"), message));
            }

            private void add(Finding finding) {
                if (said.add(finding.elementId() + "\u0000" + finding.message())) {
                    findings.add(finding);
                }
            }
        }
    }

    private static List<Element> descendants(Element root, String namespace, String localName) {
        NodeList list = root.getElementsByTagNameNS(namespace, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static List<Element> descendantsNamed(Element root, Set<String> localNames) {
        List<Element> found = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (localNames.contains(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The value of {@code <camunda:property name="...">} on an element (the element templates set these). */
    private static String camundaProperty(Element element, String name) {
        for (Element ext : ModelFiles.children(element, BPMN_NS, "extensionElements")) {
            for (Element properties : ModelFiles.children(ext, CAMUNDA_NS, "properties")) {
                for (Element property : ModelFiles.children(properties, CAMUNDA_NS, "property")) {
                    if (name.equals(property.getAttribute("name"))) {
                        return property.getAttribute("value");
                    }
                }
            }
        }
        return null;
    }

    private static String textOf(Element parent, String childLocalName) {
        List<Element> children = ModelFiles.childrenNamed(parent, childLocalName);
        return children.isEmpty() ? "" : children.get(0).getTextContent();
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values);
    }
}
