# directory: see main.ftl for the conventions. O perfil comercial e o diretório de parceiros.

nav-directory = Diretório de parceiros
nav-profile = Perfil comercial

## O perfil comercial

profile-title = Perfil comercial
profile-intro = Os clientes encontram sua empresa no diretório de parceiros pelo nome e por este perfil.
profile-listed = Listada no diretório de parceiros
profile-not-listed = Não listada no diretório de parceiros
profile-listed-hint = Sua empresa tem registro vigente e qualificação Ativo em pelo menos uma oferta.
profile-not-listed-hint = O diretório lista apenas parceiros com registro vigente e qualificação Ativo na oferta.
profile-updated = Atualizado pela última vez em { $date }.
profile-description = Descrição
profile-description-hint = O que sua empresa faz, para quem e como (no máximo 2.500 caracteres).
profile-languages = Idiomas
profile-languages-hint = Códigos de idioma separados por vírgulas, como pt-BR, en, es (no máximo 20).
profile-industries = Setores
profile-industries-hint = Escolha no máximo 20.
profile-website = Site
profile-website-hint = Um endereço que comece com https:// ou http:// (no máximo 200 caracteres).
profile-save = Salvar o perfil
profile-read-title = O perfil da sua empresa
profile-read-only = Apenas o Administrador global e os Administradores do parceiro MPN podem alterar o perfil comercial.
done-profile-saved = O perfil comercial foi salvo.
invalid-description = A descrição pode ter no máximo 2.500 caracteres, sem caracteres de controle.
invalid-languages = Informe no máximo 20 códigos de idioma, como pt-BR, en ou es, separados por vírgulas.
invalid-industries = Escolha no máximo 20 setores da lista.
invalid-website = Informe um endereço da web que comece com https:// ou http://, com no máximo 200 caracteres.
conflict-profile = Alguém alterou o perfil comercial ao mesmo tempo. Recarregue a página e tente novamente.

## O diretório de parceiros

directory-title = Diretório de parceiros
directory-intro = Parceiros com registro vigente em uma oferta e qualificação Ativo. A busca ignora maiúsculas e acentos.
directory-search-label = Buscar no diretório de parceiros
directory-q = Buscar
directory-q-hint = Palavras do nome ou da descrição do parceiro; o início de uma palavra basta.
directory-offering = Oferta
directory-any-offering = Qualquer oferta
directory-country = País
directory-country-hint = Código de duas letras, como BR ou PT.
directory-language = Idioma
directory-language-hint = Um código de idioma, como pt-BR ou en.
directory-search = Buscar
directory-results = Parceiros
directory-none-found = Nenhum parceiro corresponde a esta busca.
directory-empty = Ainda não há parceiros listados.
directory-offerings = Ofertas
directory-locations = Locais
directory-languages = Idiomas
directory-industries = Setores
directory-website = Site
directory-no-vouchers = Você não tem nenhum comprovante aguardando atribuição.
directory-assign-voucher = Comprovante a atribuir a { $partner }
directory-choose-voucher = Escolha um comprovante
directory-assign = Atribuir
directory-assign-choose = Escolha um dos seus comprovantes para atribuir.
directory-next = Próxima página
invalid-language = Informe um código de idioma, como pt-BR ou en.
invalid-q = Busque com no máximo 200 caracteres.

## Setores

industry-agriculture = Agronegócio
industry-automotive = Automotivo
industry-banking = Bancos
industry-construction = Construção
industry-consumer-goods = Bens de consumo
industry-education = Educação
industry-energy = Energia
industry-financial-services = Serviços financeiros
industry-government = Governo
industry-healthcare = Saúde
industry-hospitality = Hotelaria e alimentação
industry-insurance = Seguros
industry-legal = Serviços jurídicos
industry-manufacturing = Indústria
industry-media = Mídia e entretenimento
industry-nonprofit = Terceiro setor
industry-pharmaceuticals = Farmacêutico
industry-professional-services = Serviços profissionais
industry-real-estate = Imobiliário
industry-retail = Varejo
industry-technology = Tecnologia
industry-telecommunications = Telecomunicações
industry-transportation = Transporte e logística
industry-utilities = Serviços de utilidade pública
