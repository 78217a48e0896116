"""Entitlement knowledge base: facts, links, review dates and today's amounts."""

from bot.knowledge.base import Benefit, KnowledgeBase, load_knowledge_base

__all__ = ["Benefit", "KnowledgeBase", "load_knowledge_base"]
