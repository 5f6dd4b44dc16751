/* SPDX-License-Identifier: Apache-2.0 */
package uk.resolve.pdf;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints a PDF through the system print dialog. The dialog is modal and blocks the calling thread,
 * so call it from a background thread, never the JavaFX application thread.
 */
public final class PdfPrinter {

    /**
     * Shows the print dialog for {@code pdf} and prints it if the user confirms.
     *
     * @param jobName what the print queue calls it
     * @return true when it was sent to the printer, false when the user cancelled
     */
    public boolean print(byte[] pdf, String jobName) throws IOException, PrinterException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(doc));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        }
    }
}
