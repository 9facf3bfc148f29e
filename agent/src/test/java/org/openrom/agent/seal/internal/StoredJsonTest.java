package org.openrom.agent.seal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrom.agent.seal.SealException;
import org.openrom.agent.seal.internal.StoredJson.Answer;
import org.openrom.agent.seal.internal.StoredJson.Item;
import org.openrom.agent.seal.internal.StoredJson.Kind;

class StoredJsonTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsLinkIdsAnswersAndChildrenWhateverTheFieldOrderAndSkipsEverythingElse() throws Exception {
        StoredJson.Response r = StoredJson.response(utf8("""
                {"item":[
                  {"answer":[{"valueCoding":{"code":"LA6569-3","display":"Several days","system":"http://loinc.org"},
                              "item":[{"linkId":"nested","answer":[{"valueString":"kept?"}]}]}],
                   "text":"Little interest or pleasure","linkId":"q1"},
                  {"linkId":"g","item":[{"linkId":"g.1","answer":[{"valueInteger":7}]}]},
                  {"linkId":"why","answer":[{"valueString":"my name is Amara"}]},
                  "not an item",
                  {"linkId":"big","answer":[{"valueInteger":123456789012345678901234567890}]},
                  {"linkId":"d","answer":[{"valueDecimal":1.50},{"valueBoolean":false}]}
                ],"resourceType":"QuestionnaireResponse","status":"amended","subject":{"reference":"Patient/x"}}
                """), 7);
        assertThat(r.status()).isEqualTo("amended");
        assertThat(r.items()).extracting(Item::linkId).containsExactly("q1", "g", "why", "", "big", "d");
        Item q1 = r.items().get(0);
        assertThat(q1.answers()).containsExactly(new Answer(Kind.CODING, "http://loinc.org", "LA6569-3", null, false));
        assertThat(q1.items()).as("items nested under an answer never travel").isEmpty();
        assertThat(r.items().get(1).items().get(0).answers())
                .containsExactly(new Answer(Kind.INTEGER, "", null, BigDecimal.valueOf(7), false));
        assertThat(r.items().get(2).answers()).extracting(Answer::kind).containsExactly(Kind.OTHER);
        assertThat(r.items().get(2).answers().toString()).doesNotContain("Amara");
        assertThat(r.items().get(4).answers()).extracting(Answer::kind).as("too big for an integer").containsExactly(Kind.OTHER);
        assertThat(r.items().get(5).answers()).containsExactly(
                new Answer(Kind.DECIMAL, "", null, new BigDecimal("1.50"), false), new Answer(Kind.BOOLEAN, "", null, null, false));
    }

    @Test
    void readsEachScalesValueBandsAndMissingReasonOnly() throws Exception {
        List<StoredJson.Scale> scales = StoredJson.scales(utf8("""
                {"measure":"rcads25c","items":{"q1":2},"scales":{
                  "total":{"value":12,"answered":9,"bands":[{"scheme":"phq9","label":"moderate","min":10}]},
                  "t":{"value":null,"missing":{"reason":"NO_NORMS","detail":"no norms for age 19"},"bands":[]}},
                 "alerts":[{"message":"item 9"}]}
                """), 3);
        assertThat(scales).containsExactly(
                new StoredJson.Scale("total", BigDecimal.valueOf(12), List.of(new StoredJson.Band("phq9", "moderate")), ""),
                new StoredJson.Scale("t", null, List.of(), "NO_NORMS"));
    }

    @Test
    void aRowThatIsNotJsonNamesItsSeqAndPositionButNotItsContent() {
        assertThatThrownBy(() -> StoredJson.response(utf8("{\"status\":\"completed\",\"item\":[{\"linkId\":\"Amara Khan\""), 42))
                .isInstanceOf(SealException.class).hasMessageContaining("outbox seq 42").hasMessageContaining("not JSON")
                .hasMessageNotContaining("Amara");
        assertThatThrownBy(() -> StoredJson.scales(utf8("[1,2]"), 43)).isInstanceOf(SealException.class)
                .hasMessageContaining("outbox seq 43");
    }
}
