"""Spanish typed answers (no accents needed: "anos" = "años")."""

WORDS: dict[str, tuple[str, ...]] = {
    "DONT_KNOW": (r"no (lo )?se", "ni idea", r"no (lo )?sabo", "saltar"),
    "NOTHING": ("nada", "ninguno", "ninguna", "ningun", "cero", r"sin (ingresos|sueldo|trabajo|hijos|ninos)",
                r"no trabajo", "desempleado", "desempleada", "parado", "parada"),
    "ALONE": ("solo", "sola", "soltero", "soltera", "divorciado", "divorciada", "viudo", "viuda",
              "separado", "separada"),
    "COUPLE": ("pareja", r"en pareja", "casado", "casada", "casados",
               r"con mi (esposa|esposo|marido|mujer|pareja|novio|novia|companero|companera)"),
    "NOT_COUPLE": (r"no (estoy |soy )?casad[oa]", r"sin pareja", r"no (tengo|estoy en) pareja"),
    "BABY": ("bebe", "recien nacido", "recien nacida"),
    "UNEMPLOYMENT": ("desempleo", "paro", r"prestacion por desempleo", r"subsidio de desempleo"),
    "PENSION": ("jubilacion", "jubilado", "jubilada", "pension", "pensionista"),
    "TENANT": ("inquilino", "inquilina", "alquiler", "alquilo", "arriendo", r"de alquiler",
               r"pago \d+ de alquiler"),
    "OWNER": ("propietario", "propietaria", r"casa propia", r"piso propio", r"mi propia casa"),
    "FREE": (r"con (mi|mis) (familia|padres|amigos|amigas|amigo|amiga|hermano|hermana|primo|prima|tio|tia)",
             r"en casa de \w+", "alojado", "alojada", "acogido", "acogida", "gratis", r"sin pagar"),
    "HOMELESS": (r"en la calle(?! \w)", r"duermo en la calle",
                 r"sin (hogar|techo|casa|domicilio)",
                 "albergue", r"en (mi|el|un) coche"),
    "FRENCH_EU": ("frances", "francesa", r"nacionalidad francesa", "europeo", "europea",
                  r"ciudadan[oa] europe[oa]",
                  "espanol", "espanola", r"de la ue"),
    "NO_PAPERS": (r"sin papeles", r"no tengo papeles", r"sin documentos", "indocumentado", "indocumentada",
                  "irregular", r"sin permiso( de residencia)?"),
    "REFUGEE": ("refugiado", "refugiada", r"proteccion subsidiaria", r"estatuto de refugiado"),
    "ASYLUM": (r"solicitante de asilo", r"demandante de asilo", r"pedi asilo", r"solicitud de asilo",
               "asilo"),
    "LONG_PERMIT": (r"tarjeta de residente", r"residente de larga duracion", r"10 anos", r"diez anos",
                    r"mas de (5|cinco) anos"),
    "SHORT_PERMIT": (r"permiso de residencia", r"tarjeta de residencia", "permiso", "residencia", "visado"),
    "YEARS": ("anos", "ano"),
}
NUMBERS = {"uno": 1, "una": 1, "cuatro": 4, "cinco": 5, "seis": 6}
# Also French words ("mal au dos", "tres cher"): read alone or before a word for children.
COUNTED = {"dos": 2, "tres": 3}
CHILD_NOUNS = ("hijos", "hijas", "ninos", "ninas", "menores", "bebes")
