package org.openrom.web.internal.page;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange with a page servlet, for unit tests: a request (method, path, form fields, cookies) and what the
 * servlet answered (status, headers, body). Servlet paths follow the whiteboard: an exact pattern gives the servlet
 * path and no path info; {@code /x/*} gives servlet path {@code /x} and the rest as path info.
 */
public final class Exchange {
    public final HttpServletRequest req = mock(HttpServletRequest.class);
    public final HttpServletResponse resp = mock(HttpServletResponse.class);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private int status = 200;

    private Exchange(String method, String servletPath, @Nullable String pathInfo, Map<String, String[]> params,
            Map<String, String> cookies) {
        when(req.getMethod()).thenReturn(method);
        when(req.getServletPath()).thenReturn(servletPath);
        when(req.getPathInfo()).thenReturn(pathInfo);
        when(req.getRequestURI()).thenReturn("/openrom" + servletPath + (pathInfo == null ? "" : pathInfo));
        when(req.getParameterMap()).thenReturn(params);
        when(req.getParameter(anyString())).thenAnswer(a -> {
            String[] v = params.get(a.getArgument(0, String.class));
            return v == null ? null : v[0];
        });
        when(req.getParameterValues(anyString())).thenAnswer(a -> params.get(a.getArgument(0, String.class)));
        when(req.getCookies()).thenReturn(cookies.isEmpty() ? null
                : cookies.entrySet().stream().map(e -> new Cookie(e.getKey(), e.getValue())).toArray(Cookie[]::new));
        doAnswer(a -> status = a.getArgument(0, Integer.class)).when(resp).setStatus(anyInt());
        doAnswer(a -> add(a.getArgument(0), a.getArgument(1))).when(resp).setHeader(anyString(), anyString());
        doAnswer(a -> add(a.getArgument(0), a.getArgument(1))).when(resp).addHeader(anyString(), anyString());
        try {
            when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {}
            });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Object add(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(value);
        return null;
    }

    /**
     * A request. {@code path} is split at {@code splitAt} characters into servlet path and path info (0: the whole
     * path is the servlet path).
     */
    public static Exchange of(String method, String servletPath, @Nullable String pathInfo, Map<String, String> form,
            Map<String, String> cookies) {
        Map<String, String[]> params = new LinkedHashMap<>();
        form.forEach((k, v) -> params.put(k, new String[] {v}));
        return new Exchange(method, servletPath, pathInfo, params, cookies);
    }

    /** A request whose form fields may repeat. */
    public static Exchange multi(String method, String servletPath, @Nullable String pathInfo,
            Map<String, String[]> form, Map<String, String> cookies) {
        return new Exchange(method, servletPath, pathInfo, form, cookies);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    public @Nullable String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null ? null : v.get(v.size() - 1);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** The value this response set for a cookie (the last Set-Cookie of that name); null when none. */
    public @Nullable String cookie(String name) {
        String found = null;
        for (String h : headers("Set-Cookie")) {
            if (h.startsWith(name + "=")) {
                found = h.substring(name.length() + 1, h.indexOf(';'));
            }
        }
        return found;
    }

    /** The hidden csrf field of the rendered page; null when none. */
    public @Nullable String csrfField() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(body());
        return m.find() ? m.group(1) : null;
    }
}
