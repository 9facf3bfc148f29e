package org.openrom.web.internal.admin;

import org.openrom.web.internal.page.Layout;

/** The model of {@code admin/agent.jte}. */
public record AgentStatusPage(Layout layout, String administrator, AgentStatus status) {}
