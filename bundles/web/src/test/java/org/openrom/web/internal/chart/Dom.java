package org.openrom.web.internal.chart;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** A figure's HTML parsed as XML (which also proves it is well-formed), queried with XPath. */
final class Dom {
    private final Document doc;

    private Dom(Document doc) {
        this.doc = doc;
    }

    static Dom of(Figure f) {
        try {
            return new Dom(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(f.html()))));
        } catch (Exception e) {
            throw new AssertionError("figure is not well-formed XML: " + e.getMessage() + "\n" + f.html(), e);
        }
    }

    List<Node> all(String xpath) {
        try {
            NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    int count(String xpath) {
        return all(xpath).size();
    }

    String text(String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    List<String> texts(String xpath) {
        return all(xpath).stream().map(Node::getTextContent).toList();
    }
}
