"""Portuguese typed answers, Portugal and Brazil ("aluguel" and "renda", "desemprego")."""

WORDS: dict[str, tuple[str, ...]] = {
    "DONT_KNOW": (r"nao sei", r"sei la", r"nao faco ideia", "pular"),
    "NOTHING": ("nada", "nenhum", "nenhuma", "zero",
                r"sem (rendimentos?|renda|salario|trabalho|filhos|criancas)",
                "nao", r"nao trabalho", "desempregado", "desempregada"),
    "ALONE": ("sozinho", "sozinha", "solteiro", "solteira", "divorciado", "divorciada", "viuvo", "viuva",
              "separado", "separada"),
    "COUPLE": ("casal", r"em casal", "casado", "casada", "casados", r"uniao (de facto|estavel)",
               r"com (o meu |a minha |meu |minha )?(marido|esposa|esposo|mulher|companheiro|companheira|"
               r"namorado|namorada)"),
    "NOT_COUPLE": (r"nao (sou |estou )?casad[oa]", r"sem (companheir[oa]|parceir[oa])"),
    "BABY": ("bebe", r"recem nascido", r"recem nascida"),
    "UNEMPLOYMENT": ("desemprego", r"subsidio de desemprego", r"seguro desemprego"),
    "PENSION": ("reforma", "reformado", "reformada", "aposentadoria", "aposentado", "aposentada", "pensao"),
    "TENANT": ("inquilino", "inquilina", "aluguel", "aluguer", "alugo", "arrendamento", "arrendo", "renda"),
    "OWNER": ("proprietario", "proprietaria", r"casa propria", r"minha propria casa", "dono"),
    "FREE": (r"com (a minha |os meus |minha |meus )?"
             r"(familia|pais|amigos|amigas|amigo|amiga|irmao|irma|tio|tia)",
             r"(na|em) casa d[aeo]s? \w+", "alojado", "alojada", "hospedado", "hospedada", r"de graca",
             "gratis"),
    "HOMELESS": (r"durmo na rua", r"na rua(?! \w)", r"sem (abrigo|teto|tecto|casa)",
                 r"no (meu )?carro"),
    "FRENCH_EU": ("frances", "francesa", r"nacionalidade francesa", "europeu", "europeia",
                  r"cidada(o)? europe(u|ia)", "portugues", "portuguesa", r"da ue"),
    "NO_PAPERS": (r"sem (papeis|documentos|autorizacao)", r"nao tenho (papeis|documentos)", "indocumentado",
                  "indocumentada", "irregular"),
    "REFUGEE": ("refugiado", "refugiada", r"prote(c)?cao subsidiaria", r"estatuto de refugiado"),
    "ASYLUM": (r"(requerente|solicitante|pedido|pedi) (de )?asilo", "asilo"),
    "LONG_PERMIT": (r"cartao de residente", r"residente de longa duracao", r"10 anos", r"dez anos",
                    r"mais de (5|cinco) anos"),
    "SHORT_PERMIT": (r"autorizacao de residencia", r"titulo de residencia", r"cartao de residencia",
                     "residencia",
                     "visto"),
    "YEARS": ("anos", "ano"),
}
NUMBERS = {"uma": 1, "duas": 2, "quatro": 4, "cinco": 5, "seis": 6}
# Also French words ("je dois", "tres cher"): read alone or before a word for children.
COUNTED = {"um": 1, "dois": 2, "tres": 3}
CHILD_NOUNS = ("filho", "filha", "filhos", "filhas", "criancas", "bebes", "menores")
