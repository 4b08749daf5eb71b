"""drafter: parse, check, draft and compare Chinese government annual work plans (工作要点)."""
__version__ = "0.1.0"
