"""Danger words in Spanish (Spain and Latin America, as typed on a phone): see `bot.danger_words`.

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/es.yml says so too).
"""

# Who can threaten: people, never things ("este papeleo me mata", "el alquiler me va a matar").
# "el" is also "the": a bare pronoun must come right before the threat ("el me va a matar").
_PRONOUN = r"(^|\b(el|ella|ellos|ellas|alguien|que|y|porque|xq|pq))"
_PERSON = (r"\b((mi|su|tu|el|la) (marido|esposo|pareja|novio|novia|ex|"
           r"padre|papa|madre|mama|hermano|padrastro|suegro|suegra|tio|primo|hijo|jefe|casero|chulo|"
           r"proxeneta|vecino|familia|hombre|tipo|compañero|companero))\b")
_KILL_ME = (r"(me|m) (va|van|vas|quiere|quieren|kiere|kieren|iba|intento) (a )?matar|"
            r"(va|van|quiere|quieren|kiere|kieren|iba|intento) (a )?matarme|me mata(ra|ria)?\b|me matan\b")
_CHILD = r"(hijo|hija|hijos|hijas|nino|nina|ninos|ninas|niño|niña|bebe|nene|nena|crio|cria|peque)"
# "en la calle" is also an address ("vivo en la calle Mayor"): only at the end or before a word
# that cannot start a street name.
_STREET_END = (r"(?=\s*$|\s*[,.!;]| (con|desde|hace|hoy|ahora|y|sin|esta|este|porque|que|no|mis|mi|"
               r"otra|otra vez|de nuevo|ayuda|por favor|xfa|pls))")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _PERSON + r"(?: \w+){0,4}? (" + _KILL_ME + ")", _PRONOUN + r" ?(" + _KILL_ME + ")",
        r"\b(dice|dijo|dicen|dijeron) que (me )?(va|van) a matar",
        r"\bamenaz\w* (de muerte|con matarme|con (un|una) (cuchillo|navaja|pistola|arma))",
        r"\bamenazas? de muerte",
    ),
    "suicide": (
        r"\bsuicid", r"\b(me quiero|quiero|kiero|me kiero|me voy a|voy a) (morir|matar)(me)?\b",
        r"\b(quiero|kiero|voy a|pienso en) (matarme|morirme|ahorcarme|suicidarme)",
        r"\bquitarme la vida", r"\bacabar con (mi vida|todo)\b", r"\bterminar con mi vida",
        r"\bno (quiero|kiero) (seguir )?(vivir|viviendo)", r"\b(no tengo|sin) ganas de vivir",
        r"\bganas de (morir|morirme|matarme|desaparecer)", r"\bestarian mejor sin mi",
        r"\b(tome|me tome|me he tomado|trague) (todas )?(mis |las )?(pastillas|pastis)",
        r"\bme voy a (tirar|lanzar) (del|por|de un|al|bajo)",
    ),
    "violence": (
        r"\b(me|m) (pega|pegan|pego|pegaba|golpea|golpean|golpeo|golpeaba|maltrata|maltrato|"
        r"maltrataba|viola|violo|violaron|violaba|estrangul\w*|agredi\w*|agrede|abusa|abuso|"
        r"apuñalo|apunalo|acuchillo|ahorcaba)\b",
        r"\b(me (han|ha) violado|fui violada|fui violado|me han (pegado|golpeado|agredido))",
        r"\b(me )?(esta|estan) (pegando|golpeando|maltratando|violando|estrangulando)( me)?\b",
        r"\b(pegandome|golpeandome|maltratandome)\b",
        r"\b(un hombre|un tipo|alguien|un desconocido|unos hombres) (que )?me "
        r"(sigue|siguen|persigue|esta siguiendo)",
        r"\bviolencia", r"\bmujer(es)? maltratada", r"\b(estoy|estamos) en peligro\b",
        r"\b(miedo|panico) (de|a) (mi )?(marido|esposo|pareja|novio|ex)",
    ),
    "child": (
        r"\b(mi|mis|el|la|los|las) " + _CHILD + r"s?(?: \w+){0,2}? (esta|estan) en peligro",
        r"\bmaltrato infantil", r"\babuso (sexual )?(infantil|de menores)",
        r"\b(pega|golpea|maltrata|viola|abusa de|toca) (a )?(mi|mis|los|nuestros|nuestra|la) " + _CHILD,
    ),
    "medical": (
        r"\bno (puede|puedo|podemos) respirar", r"\bno respira\b", r"\brespira (mal|con dificultad)",
        r"\binconsciente", r"\bdesmay", r"\binfarto", r"\bataque (al|de) corazon",
        r"\bdolor (en el|de|fuerte en el) pecho", r"\bsangra(ndo)? (mucho|muchisimo|sin parar)",
        r"\bhemorragia", r"\bconvulsi", r"\bsobredosis", r"\bderrame cerebral",
        r"(?<!despues de un )(?<!tras un )\bictus\b",
        r"\bno (se )?despierta\b",
    ),
    "shelter": (
        r"\b(duermo|dormimos|dormir|durmiendo|dormi|dormire) (en la calle|en el (coche|carro|auto)|"
        r"en mi (coche|carro|auto)|en la estacion|en un parque|fuera|afuera|al raso|bajo un puente)",
        r"\b(estoy|estamos|vivo|vivimos|me quede|nos quedamos|quedarme|quedarnos) en la calle" + _STREET_END,
        r"\b(me|nos) (echo|echaron|echa|echan|ha echado|han echado|botaron|corrieron) (de (la |mi )?"
        r"(casa|piso|departamento|depa)|a la calle)",
        r"\bno (tengo|tenemos) (donde|a donde|adonde|un sitio (para|donde)) (dormir|ir|quedarme)",
        r"\b(estoy|estamos|soy|somos) (sin hogar|sin techo|indigente)",
    ),
}
