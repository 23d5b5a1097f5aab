package dev.repro.data.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.dhatim.fastexcel.reader.CellAddress;

/**
 * The merged cells of one worksheet (its {@code <mergeCells>}, which fastexcel-reader does not report): the
 * workbook's relationships give the sheet's part, whose XML is streamed with StAX (the JDK's, no object model),
 * keeping only the {@code <mergeCell ref="B3:D3"/>} elements. ECMA-376 Part 1, 18.3.1.55 mergeCell.
 */
final class MergedCells {
    /** One merged area: rows 1-based, columns 0-based, inclusive. */
    record Area(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        boolean coversRow(int row) {
            return row >= firstRow && row <= lastRow;
        }
    }

    private MergedCells() {
    }

    /** The merged areas of the sheet whose relationship id is {@code sheetId}; empty when the sheet has none. */
    static List<Area> of(byte[] workbook, String sheetId) throws IOException {
        byte[] rels = entry(workbook, "xl/_rels/workbook.xml.rels");
        if (rels == null || sheetId == null) {
            return List.of();
        }
        String target = targets(rels).get(sheetId);
        if (target == null) {
            return List.of();
        }
        String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        List<Area> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(part)) {
                    // streamed straight from the archive: the sheet's XML is never held whole
                    stream(in, r -> {
                        String ref = r.getLocalName().equals("mergeCell") ? r.getAttributeValue(null, "ref") : null;
                        if (ref != null && ref.contains(":")) {
                            out.add(area(ref));
                        }
                    });
                    break;
                }
            }
        }
        return out;
    }

    private static Area area(String ref) {
        String[] ends = ref.split(":");
        CellAddress a = new CellAddress(ends[0]);
        CellAddress b = new CellAddress(ends[1]);
        return new Area(Math.min(a.getRow(), b.getRow()) + 1, Math.min(a.getColumn(), b.getColumn()),
                Math.max(a.getRow(), b.getRow()) + 1, Math.max(a.getColumn(), b.getColumn()));
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static Map<String, String> targets(byte[] rels) throws IOException {
        Map<String, String> out = new HashMap<>();
        stream(new ByteArrayInputStream(rels), r -> {
            if (r.getLocalName().equals("Relationship")) {
                out.put(r.getAttributeValue(null, "Id"), r.getAttributeValue(null, "Target"));
            }
        });
        return out;
    }

    private interface StartElement {
        void accept(XMLStreamReader r);
    }

    /** Calls {@code f} at every start element (the stream is left open); no DTDs or external entities are read. */
    private static void stream(InputStream in, StartElement f) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        f.accept(r);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("the XML of the workbook is broken: " + e.getMessage(), e);
        }
    }
}
