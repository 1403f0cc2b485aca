import PDFDocument from "pdfkit";
import type { PrintedHousehold } from "./directory.server";

/**
 * A plain, two-column A5 booklet PDF of the printable directory. Built from
 * the already-filtered households, so it cannot show more than the page does.
 * The standard PDF fonts cover Filipino names' accents (Latin-1: ñ, á, é…).
 */
export function directoryPdf(churchName: string, households: PrintedHousehold[], printedOn: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A5", margin: 36, info: { Title: `${churchName} directory` } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);

    doc.font("Helvetica-Bold").fontSize(16).text(`${churchName} directory`);
    doc.font("Helvetica").fontSize(8).fillColor("#444").text(`Printed ${printedOn.toISOString().slice(0, 10)}. Private: for members only.`);
    doc.moveDown();
    doc.fillColor("#000");

    const columnWidth = (doc.page.width - 72 - 18) / 2;
    let column = 0;
    const top = doc.y;
    const placeColumn = () => {
      doc.x = 36 + column * (columnWidth + 18);
    };
    placeColumn();
    for (const household of households) {
      const lines = household.members.reduce(
        (n, m) => n + 1 + [m.phone, m.email, m.address, m.birthday].filter(Boolean).length,
        1,
      );
      // Keep a household together: start a new column (or page) if it would not fit.
      if (doc.y + lines * 11 > doc.page.height - 36) {
        column += 1;
        if (column > 1) {
          doc.addPage();
          column = 0;
        }
        doc.y = column === 0 ? 36 : top;
        placeColumn();
      }
      doc.font("Helvetica-Bold").fontSize(9).text(household.name, { width: columnWidth });
      for (const member of household.members) {
        doc.font("Helvetica").fontSize(8).text(member.name ?? "", { width: columnWidth, indent: 6 });
        for (const value of [member.phone, member.email, member.address, member.birthday]) {
          if (value) doc.fillColor("#333").text(value, { width: columnWidth, indent: 14 }).fillColor("#000");
        }
      }
      doc.moveDown(0.5);
    }
    doc.end();
  });
}
