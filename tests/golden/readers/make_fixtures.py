#!/usr/bin/env python3
"""Builds the small hostile/odd inputs the reader tests use. Run from this folder:
    python3 make_fixtures.py
Needs only Python and `qpdf` (Debian package qpdf) for the encrypted PDFs. The outputs are
committed, so the tests do not need qpdf. The zip-bomb test quotes bomb.docx's compressed size
(it depends on the zlib version): update readers_docx_test.cc if you regenerate it."""
import subprocess
import zipfile
import zlib


def write_pdf(path, pages):
    """A minimal PDF; each page is a content stream (bytes). Resources: Helvetica as F1 and an
    8x8 grey image as Im1, so pages can show text or only an image (a 'scan')."""
    objs = []  # index 0 -> object 1

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_obj = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    img_data = zlib.compress(bytes(range(0, 256, 4)))
    image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img_data)
                + img_data + b"\nendstream")
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                   % (pages_obj, stream, font, image))
        kids.append(page)
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objs[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                           + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, catalog, xref)
    open(path, "wb").write(bytes(out))


def text_page(lines):
    """Text lines from the top; each (y, text)."""
    ops = b"".join(b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (y, t.encode()) for y, t in lines)
    return ops


def image_page():
    return b"q 400 0 0 600 90 120 cm /Im1 Do Q\n"


write_pdf("text.pdf", [
    text_page([(780, "Page one report"), (700, "Row one 12 34"), (60, "- 1 -")]),
    text_page([(780, "Page two heading"), (700, "Row two 56 78"), (400, "7"), (60, "2/2")]),
])
write_pdf("scanned.pdf", [image_page(), image_page()])
subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", "text.pdf",
                "encrypted.pdf"], check=True)
subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--", "text.pdf",
                "owner-only.pdf"], check=True)

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# A zip bomb: word/document.xml inflates to 40 MB of spaces from ~40 KB.
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/document.xml",
               '<w:document %s><w:body>' % W + " " * (40 << 20) + "</w:body></w:document>")

# Billion laughs: entities nested ten deep.
laughs = ['<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n']
for i in range(1, 10):
    laughs.append('<!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10))
laughs.append(']>\n<w:document %s><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
              '</w:document>' % W)
with zipfile.ZipFile("laughs.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/document.xml", "".join(laughs))

# Numbering: "一、" headings (chineseCounting) with "1." sub-items, a bullet, w:tab and w:br.
NUMBERING = ('<w:numbering %s>'
             '<w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
             '<w:lvlText w:val="%%1、"/><w:suff w:val="nothing"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%%2."/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="decimal"/><w:lvlText w:val="\uff08%%1\uff09"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
             '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
             '</w:numbering>') % W


STYLES = ('<w:styles %s>'
          '<w:style w:type="paragraph" w:styleId="ListBase"><w:pPr><w:numPr>'
          '<w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="ListBase"/></w:style>'
          '</w:styles>') % W


def para(text, num=None, ilvl=0, style=None):
    ppr = ('<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>'
           % (ilvl, num)) if num is not None else ""
    if style:
        ppr = '<w:pPr><w:pStyle w:val="%s"/>%s</w:pPr>' % (style, ppr[len('<w:pPr>'):-len('</w:pPr>')] if ppr else "")
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, text)


body = "".join([
    para("总体情况", 1), para("主动公开", 1, 1), para("依申请公开", 1, 1),
    para("主动公开政府信息情况", 1), para("要点", 2), para("新的一节", 3),
    para("样式编号", style="H2"), para("样式编号二", style="H2"), para("不编号", 0, style="H2"),
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    '<w:r><w:t>规章</w:t></w:r><w:r><w:tab/><w:t>3</w:t></w:r>'
    '<w:r><w:br/><w:t>第二行</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>',
    '<w:p><w:r><w:t>\u3000\u3000缩进段落</w:t></w:r>'
    '<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>',
])
with zipfile.ZipFile("numbering.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/numbering.xml", NUMBERING)
    z.writestr("word/styles.xml", STYLES)
    z.writestr("word/document.xml",
               '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body>'
               '</w:document>' % (W, body))

# A zip that is not a Word document.
with zipfile.ZipFile("not-word.docx", "w") as z:
    z.writestr("hello.txt", "hello")

# A well-formed document.xml that declares a DTD with a harmless entity: refused all the same.
with zipfile.ZipFile("dtd.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CONTENT_TYPES)
    z.writestr("word/document.xml",
               '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "hi">]><w:document %s><w:body>'
               '<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>' % W)

# More pages than the reader reads (500): it reads the first 500 and says so.
write_pdf("many-pages.pdf", [text_page([(700, "Page %d" % n)]) for n in range(1, 601)])
