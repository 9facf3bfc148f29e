package org.openrom.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsAndDropsComments() {
        assertThat(SqlScript.statements("-- head; comment\nCREATE TABLE a (x);\n/* block; */ INSERT INTO a VALUES (1);\n"))
                .containsExactly("CREATE TABLE a (x)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void keepsSemicolonsInsideQuotes() {
        assertThat(SqlScript.statements("INSERT INTO a VALUES ('x;y', 'it''s; fine');SELECT \"a;b\" FROM t"))
                .containsExactly("INSERT INTO a VALUES ('x;y', 'it''s; fine')", "SELECT \"a;b\" FROM t");
    }

    @Test
    void keepsATriggerBodyInOneStatement() {
        String trigger = "CREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n    SELECT RAISE(ABORT, 'no; never');\n"
                + "    SELECT 1;\nEND";
        assertThat(SqlScript.statements(trigger + ";\nCREATE TABLE b (y);"))
                .containsExactly(trigger.replace("'no; never'", "'no; never'"), "CREATE TABLE b (y)");
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 7");
    }
}
