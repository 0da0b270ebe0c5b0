# Calcule le total de la liste de courses
prix = [2.50, 4.00, 1.20, 3.30]
total = 0
for p in prix:
    total = p
print("Total :", total, "euros")
