/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.ui.support;

import java.util.UUID;

/** Moves between the screens of the main window. */
public interface Navigator {

    void showHome();

    void showNewCase();

    void showCase(UUID caseId);

    void showProcedures();

    void showWelcome();
}
