package org.openrom.web.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class XmlTest {
    @Test
    void escapesTheFiveMarkupCharacters() {
        assertThat(Xml.escape("<script>alert('x' & \"y\")</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;");
    }

    @Test
    void leavesOrdinaryTextAndPairedSurrogatesAlone() {
        assertThat(Xml.escape("Go to school 3× a week 😊\tok\n")).isEqualTo("Go to school 3× a week 😊\tok\n");
    }

    @Test
    void replacesCharactersXmlForbidsSoTheSvgStaysWellFormed() {
        assertThat(Xml.escape("a\u0000b\u0008c\u001Fd\uFFFEe\uD800f")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
    }

    @Test
    void escapedTextParsesBackToTheOriginalInAnAttributeAndInContent() throws Exception {
        String hostile = "\"/><script>alert(1)</script><x a='1' & &amp;";
        String xml = "<r a=\"" + Xml.escape(hostile) + "\" b='" + Xml.escape(hostile) + "'>" + Xml.escape(hostile)
                + "</r>";
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)));
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo(hostile);
        assertThat(doc.getDocumentElement().getAttribute("b")).isEqualTo(hostile);
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(hostile);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void controlTheSameTextUnescapedBecomesMarkup() throws Exception {
        String hostile = "<script>alert(1)</script>";
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<r>" + hostile + "</r>")));
        assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
    }
}
