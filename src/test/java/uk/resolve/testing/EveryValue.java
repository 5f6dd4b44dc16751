/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.testing;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import uk.resolve.store.Database;

/** What an attacker holding a database key reads: every value of every row of every table, as text. */
public final class EveryValue {

    private EveryValue() {
    }

    /** Every value in the database {@code file}, opened with {@code dbKey}; the tables it read go to {@code tables}. */
    public static List<String> in(Path file, byte[] dbKey, List<String> tables) throws Exception {
        List<String> out = new ArrayList<>();
        try (Database d = Database.open(file, dbKey); Connection c = d.connection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (Statement s2 = c.createStatement(); ResultSet rs = s2.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            out.add(text(rs.getObject(i)));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String text(Object o) throws Exception {
        if (o == null) {
            return "";
        }
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (o instanceof Blob b) {
            try (InputStream in = b.getBinaryStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (o instanceof Clob cl) {
            try (Reader r = cl.getCharacterStream()) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                for (int k; (k = r.read(buf)) > 0; ) {
                    sb.append(buf, 0, k);
                }
                return sb.toString();
            }
        }
        return o.toString();
    }
}
