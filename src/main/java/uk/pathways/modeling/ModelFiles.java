package uk.pathways.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Model files read into XML documents (BPMN, DMN) and JSON (forms), with what could not be read. */
record ModelFiles(
        Map<String, Document> bpmn, Map<String, Document> dmn, Map<String, JsonNode> forms, List<Finding> unreadable) {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean isBpmn(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    static boolean isDmn(String name) {
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    static boolean isForm(String name) {
        return name.endsWith(".form");
    }

    static ModelFiles read(Map<String, byte[]> resources) {
        Map<String, Document> bpmn = new LinkedHashMap<>();
        Map<String, Document> dmn = new LinkedHashMap<>();
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        List<Finding> unreadable = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            try {
                if (isBpmn(name)) {
                    bpmn.put(name, xml(bytes));
                } else if (isDmn(name)) {
                    dmn.put(name, xml(bytes));
                } else if (isForm(name)) {
                    forms.put(name, JSON.readTree(bytes));
                }
            } catch (Exception e) {
                unreadable.add(Finding.error(name, null, null, "cannot be read: " + e.getMessage()));
            }
        });
        return new ModelFiles(bpmn, dmn, forms, unreadable);
    }

    /** Form id (what a formRef names) to the file that has it. */
    Map<String, String> formIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        forms.forEach((name, json) -> {
            String id = json.path("id").asText("");
            if (!id.isBlank()) {
                ids.put(id, name);
            }
        });
        return ids;
    }

    Set<String> decisionIds() {
        Set<String> ids = new LinkedHashSet<>();
        dmn.values()
                .forEach(doc -> childrenNamed(doc.getDocumentElement(), "decision")
                        .forEach(d -> ids.add(d.getAttribute("id"))));
        return ids;
    }

    Set<String> processIds() {
        Set<String> ids = new LinkedHashSet<>();
        bpmn.values().forEach(doc -> {
            NodeList processes = doc.getElementsByTagNameNS(BPMN_NS, "process");
            for (int i = 0; i < processes.getLength(); i++) {
                ids.add(((Element) processes.item(i)).getAttribute("id"));
            }
        });
        return ids;
    }

    /** Child elements with this local name, whatever their namespace (DMN has had several). */
    static List<Element> childrenNamed(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        return childrenNamed(parent, localName).stream()
                .filter(e -> namespace.equals(e.getNamespaceURI()))
                .toList();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(bytes));
    }
}
