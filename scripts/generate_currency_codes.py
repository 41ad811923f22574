#!/usr/bin/env python3
"""Regenerate src/core/iso4217_codes.inc from the IATI Currency codelist.

Usage: scripts/generate_currency_codes.py [PATH/TO/Currency.xml]
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

source = Path(sys.argv[1] if len(sys.argv) > 1 else "data/iati/codelists/Currency.xml")
root = Path(__file__).resolve().parent.parent
codes = sorted(item.findtext("code") for item in ET.parse(source).getroot().iter("codelist-item"))
with open(root / "src/core/iso4217_codes.inc", "w") as out:
    out.write("// ISO 4217 currency codes as listed by the IATI Currency codelist (version 2.03,\n"
              "// IATI/IATI-Codelists, MIT licence), active and withdrawn, sorted. Regenerate with\n"
              "// scripts/generate_currency_codes.py.\n")
    for code in codes:
        out.write(f'"{code}",\n')
print(f"{len(codes)} codes")
