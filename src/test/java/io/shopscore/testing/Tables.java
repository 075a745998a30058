package io.shopscore.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** Looks through the whole schema, as found through JDBC metadata: for proving that an erasure left no trace. */
public final class Tables {

    private Tables() {
    }

    /** Every table and text column of the schema that holds the value, as "table.column". */
    public static List<String> columnsContaining(DataSource dataSource, String value) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet columns = meta.getColumns(null, null, "%", "%")) {
                while (columns.next()) {
                    String schema = columns.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.toLowerCase().startsWith("pg_")) {
                        continue;
                    }
                    int type = columns.getInt("DATA_TYPE");
                    if (type != Types.VARCHAR && type != Types.CLOB && type != Types.LONGVARCHAR && type != Types.NVARCHAR) {
                        continue;
                    }
                    String table = columns.getString("TABLE_NAME");
                    String column = columns.getString("COLUMN_NAME");
                    String sql = "select count(*) from \"" + schema + "\".\"" + table + "\" where \"" + column + "\" like ?";
                    try (PreparedStatement query = connection.prepareStatement(sql)) {
                        query.setString(1, "%" + value + "%");
                        try (ResultSet count = query.executeQuery()) {
                            if (count.next() && count.getLong(1) > 0) {
                                found.add((table + "." + column).toLowerCase(java.util.Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
