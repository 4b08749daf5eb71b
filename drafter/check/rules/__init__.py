"""The rule catalog: one module a family (numbering, duplicates, agencies, targets, years, text).

Importing this package imports every module in it, and each module registers its rules.
"""
import importlib
import pkgutil

for _m in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_m.name}")
