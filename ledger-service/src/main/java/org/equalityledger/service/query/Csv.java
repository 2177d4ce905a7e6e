package org.equalityledger.service.query;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String s = value == null ? "" : value instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining("; "))
                : String.valueOf(value);
        // A leading formula character would run in a spreadsheet: neutralise it.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
