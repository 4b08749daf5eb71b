"""The child order of the WordprocessingML types drafter writes (ECMA-376 Part 1 §17, as the Open XML SDK
reads them), and which type an element is by where it stands. Data for drafter/ooxml.py; the tests compare
it with openxml-audit's copy of the SDK schema (tests/test_ooxml_order.py)."""
from __future__ import annotations

ANY = "*"    # in a sequence: any child the table does not name (paragraphs, runs, bookmarks …), in document order


def _w(names: str) -> tuple:
    return tuple(n if ":" in n else "w:" + n for n in names.split())


# ---- the sequences (ECMA-376 Part 1 §17, as the Open XML SDK reads them) ------------------------------

_R_CORE = _w("rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
             "vanish webHidden color spacing w kern position sz szCs")
_R_W14 = _w("w14:glow w14:shadow w14:reflection w14:textOutline w14:textFill w14:scene3d w14:props3d "
            "w14:ligatures w14:numForm w14:numSpacing w14:stylisticSets w14:cntxtAlts")
_R_BASE = _R_CORE + _w("u effect bdr shd fitText vertAlign em lang eastAsianLayout specVanish")
_R_ORIGINAL = _w("rStyle") + _R_CORE + _w("highlight u effect bdr shd fitText vertAlign rtl cs em lang "
                                          "eastAsianLayout specVanish") + _R_W14
_PARA_MARK = _w("ins del moveFrom moveTo w14:conflictIns w14:conflictDel")

_P_BASE = _w("keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
             "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
             "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
             "textDirection textAlignment textboxTightWrap outlineLvl")

_SECT_BASE = _w("footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign "
                "noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings w15:footnoteColumns")

_TBL_BASE = _w("tblStyle tblpPr tblOverlap bidiVisual tblW jc tblCellSpacing tblInd tblBorders shd tblLayout "
               "tblCellMar tblLook tblCaption tblDescription")
_TC_BASE = _w("cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
              "hideMark") + (_w("cellIns cellDel cellMerge"),)
_TR_BASE = (_w("cnfStyle divId gridBefore gridAfter wBefore wAfter trHeight hidden cantSplit tblHeader "
               "tblCellSpacing jc"),)

_SETTINGS = _w(
    "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
    "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
    "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme "
    "styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps "
    "showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
    "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
    "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
    "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
    "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore "
    "savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
    "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
    "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
    "rsids m:mathPr uiCompat97To2003 attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown sl:schemaLibrary shapeDefaults "
    "decimalSymbol listSeparator w14:docId w14:discardImageEditingData w14:defaultImageDpi w14:conflictMode "
    "w15:chartTrackingRefBased w15:docId")

_BLOCK = (ANY,)   # block content (w:p, w:tbl, w:sdt, bookmarks …): any order

# type → its children in order; an entry is "w:x" or a tuple of names sharing one place (an xsd:choice)
SEQUENCES: dict[str, tuple] = {
    # run properties
    "CT_RPr": _R_ORIGINAL + _w("rPrChange"),
    "CT_RPrOriginal": _R_ORIGINAL,
    "CT_ParaRPr": _PARA_MARK + _R_ORIGINAL + _w("oMath rPrChange"),
    "CT_ParaRPrOriginal": _PARA_MARK + _R_ORIGINAL + _w("oMath"),
    "CT_RPrStyle": _R_BASE + _w("rPrChange"),
    "CT_RPrBaseStyleable": _R_BASE,
    "CT_RPrList": _R_CORE + _w("u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish"),
    "CT_RPrChange": _w("rPr"),
    "CT_ParaRPrChange": _w("rPr"),
    # paragraph properties
    "CT_PPr": _w("pStyle") + _P_BASE + _w("divId cnfStyle rPr sectPr pPrChange"),
    "CT_PPrExtended": _w("pStyle") + _P_BASE + _w("divId cnfStyle"),
    "CT_PPrBase": _w("pStyle") + _P_BASE,
    "CT_PPrStyle": _P_BASE + _w("pPrChange"),
    "CT_PPrBaseStyleable": _P_BASE,
    "CT_PPrChange": _w("pPr"),
    "CT_PBdr": _w("top left bottom right between bar"),
    "CT_NumPr": _w("ilvl numId numberingChange ins"),
    # sections
    "CT_SectPr": (_w("headerReference footerReference"),) + _SECT_BASE + _w("sectPrChange"),
    "CT_SectPrBase": _SECT_BASE,
    "CT_SectPrChange": _w("sectPr"),
    # styles part
    "CT_Styles": _w("docDefaults latentStyles style"),
    "CT_DocDefaults": _w("rPrDefault pPrDefault"),
    "CT_RPrDefault": _w("rPr"),
    "CT_PPrDefault": _w("pPr"),
    "CT_Style": _w("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
                   "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr "
                   "tblStylePr"),
    "CT_TblStylePr": _w("pPr rPr tblPr trPr tcPr"),
    # settings, comments
    "CT_Settings": _SETTINGS,
    "CT_Comments": _w("comment"),
    "CT_Comment": _BLOCK,
    # tables
    "CT_Tbl": _w("tblPr tblGrid") + (ANY,),
    "CT_TblPr": _TBL_BASE + _w("tblPrChange"),
    "CT_TblPrBase": _TBL_BASE,
    "CT_TblPrChange": _w("tblPr"),
    "CT_TblPrStyle": _w("tblStyleRowBandSize tblStyleColBandSize jc tblCellSpacing tblInd tblBorders shd "
                        "tblCellMar"),
    "CT_TblGrid": _w("gridCol tblGridChange"),
    "CT_TblBorders": _w("top left start bottom right end insideH insideV"),
    "CT_TblCellMar": _w("top left start bottom right end"),
    "CT_Row": _w("tblPrEx trPr") + (ANY,),
    "CT_TrPr": _TR_BASE + _w("ins del trPrChange") + (_w("w14:conflictIns w14:conflictDel"),),
    "CT_TrPrBase": _TR_BASE,
    "CT_TrPrChange": _w("trPr"),
    "CT_Tc": _w("tcPr") + (ANY,),
    "CT_TcPr": _TC_BASE + _w("tcPrChange"),
    "CT_TcPrInner": _TC_BASE,
    "CT_TcPrChange": _w("tcPr"),
    "CT_TcPrStyle": _w("shd noWrap tcMar vAlign"),
    "CT_TcBorders": _w("top left start bottom right end insideH insideV tl2br tr2bl"),
    "CT_TcMar": _w("top left start bottom right end"),
    # containers
    "CT_Document": _w("background body"),
    "CT_Body": (ANY,) + _w("sectPr"),
    "CT_P": _w("pPr") + (ANY,),
    "CT_R": _w("rPr") + (ANY,),
    "CT_HdrFtr": _BLOCK,
    "CT_FtnEdn": _BLOCK,
    "CT_Footnotes": _w("footnote"),
    "CT_Endnotes": _w("endnote"),
    "CT_RunTrackChange": (ANY,),          # w:ins/w:del around runs: run content in document order
    # numbering part (fix renumbers through it)
    "CT_Numbering": _w("numPicBullet abstractNum num numIdMacAtCleanup"),
    "CT_AbstractNum": _w("nsid multiLevelType tmpl name styleLink numStyleLink lvl"),
    "CT_Num": _w("abstractNumId lvlOverride"),
    "CT_NumLvl": _w("startOverride lvl"),
    "CT_Lvl": _w("start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr"),
}

# element name → its type, when the parent does not matter
TYPE_OF = {
    "w:style": "CT_Style", "w:styles": "CT_Styles", "w:docDefaults": "CT_DocDefaults",
    "w:rPrDefault": "CT_RPrDefault", "w:pPrDefault": "CT_PPrDefault", "w:tblStylePr": "CT_TblStylePr",
    "w:settings": "CT_Settings", "w:comments": "CT_Comments", "w:comment": "CT_Comment",
    "w:tbl": "CT_Tbl", "w:tblGrid": "CT_TblGrid", "w:tblBorders": "CT_TblBorders",
    "w:tblCellMar": "CT_TblCellMar", "w:tr": "CT_Row", "w:tc": "CT_Tc", "w:tcBorders": "CT_TcBorders",
    "w:tcMar": "CT_TcMar", "w:document": "CT_Document", "w:body": "CT_Body", "w:p": "CT_P", "w:r": "CT_R",
    "w:hdr": "CT_HdrFtr", "w:ftr": "CT_HdrFtr", "w:lvl": "CT_Lvl", "w:footnote": "CT_FtnEdn",
    "w:endnote": "CT_FtnEdn", "w:footnotes": "CT_Footnotes", "w:endnotes": "CT_Endnotes",
    "w:numbering": "CT_Numbering", "w:abstractNum": "CT_AbstractNum", "w:num": "CT_Num",
    "w:lvlOverride": "CT_NumLvl", "w:pBdr": "CT_PBdr", "w:numPr": "CT_NumPr",
    "w:pPrChange": "CT_PPrChange", "w:sectPrChange": "CT_SectPrChange", "w:tblPrChange": "CT_TblPrChange",
    "w:tcPrChange": "CT_TcPrChange", "w:trPrChange": "CT_TrPrChange",
}
# (element, parent) → type; None = parent unknown (an element not yet attached): the widest type
TYPE_BY_PARENT = {
    "w:rPr": {"w:r": "CT_RPr", "w:pPr": "CT_ParaRPr", "w:style": "CT_RPrStyle", "w:rPrDefault": "CT_RPrBaseStyleable",
              "w:tblStylePr": "CT_RPrBaseStyleable", "w:lvl": "CT_RPrList", "w:sdtPr": "CT_RPr",
              "w:sdtEndPr": "CT_RPr", "w:ins": "CT_RPr", "w:del": "CT_RPr", None: "CT_ParaRPr"},
    "w:pPr": {"w:p": "CT_PPr", "w:style": "CT_PPrStyle", "w:tblStylePr": "CT_PPrStyle",
              "w:pPrDefault": "CT_PPrBaseStyleable", "w:pPrChange": "CT_PPrExtended", "w:lvl": "CT_PPrBase",
              None: "CT_PPr"},
    "w:rPrChange": {None: "CT_RPrChange"},
    "w:sectPr": {"w:body": "CT_SectPr", "w:pPr": "CT_SectPr", "w:sectPrChange": "CT_SectPrBase", None: "CT_SectPr"},
    "w:tblPr": {"w:tbl": "CT_TblPr", "w:tblPrChange": "CT_TblPrBase", "w:style": "CT_TblPrStyle", None: "CT_TblPr"},
    "w:tcPr": {"w:tc": "CT_TcPr", "w:tcPrChange": "CT_TcPrInner", "w:style": "CT_TcPrStyle", None: "CT_TcPr"},
    "w:trPr": {"w:tr": "CT_TrPr", "w:trPrChange": "CT_TrPrBase", "w:style": "CT_TrPrBase", None: "CT_TrPr"},
}
CHANGE_ELEMENT = {"CT_RPr": "w:rPrChange", "CT_ParaRPr": "w:rPrChange", "CT_RPrStyle": "w:rPrChange",
           "CT_PPr": "w:pPrChange", "CT_PPrStyle": "w:pPrChange", "CT_SectPr": "w:sectPrChange",
           "CT_TblPr": "w:tblPrChange", "CT_TcPr": "w:tcPrChange", "CT_TrPr": "w:trPrChange"}
