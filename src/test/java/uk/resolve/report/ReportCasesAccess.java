/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.report;

import java.time.Instant;

import uk.resolve.app.Services;

/** Lets tests in other packages build the known report cases. */
public final class ReportCasesAccess {

    public static final String NOW = ReportCases.NOW;

    private ReportCasesAccess() {
    }

    public static void build(Services s) {
        new ReportCases(s);
    }

    public static Instant now() {
        return ReportCases.now();
    }
}
