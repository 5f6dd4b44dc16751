/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a person may type as the partnership server's address in the Sync and export screen. */
class ServerAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "db.partnership.example/resolve                        | jdbc:postgresql://db.partnership.example/resolve",
            "  db.partnership.example:5433/resolve                 | jdbc:postgresql://db.partnership.example:5433/resolve",
            "db.example/resolve?sslmode=verify-full                | jdbc:postgresql://db.example/resolve?sslmode=verify-full",
            "jdbc:postgresql://db.example/resolve                  | jdbc:postgresql://db.example/resolve",
            "postgresql://db.example/resolve                       | jdbc:postgresql://db.example/resolve",
            "db.example                                            | NONE",
            "jdbc:h2:/tmp/x                                        | NONE",
            "db example/resolve                                    | NONE",
            "S:\\Safeguarding\\team.mv.db                          | NONE",
            "db.example/res/olve                                   | NONE",
    })
    void anAddressIsTakenAsHostAndDatabaseOrAsAJdbcUrl(String typed, String url) {
        assertThat(SyncSettingsViewModel.serverUrl(typed)).isEqualTo(url);
    }
}
